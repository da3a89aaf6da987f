import { openDb } from "./client";
import { migrateDb } from "./migrate";

const handle = await openDb();
await migrateDb(handle);
await handle.close();
console.log(`migrated (${handle.driver})`);
