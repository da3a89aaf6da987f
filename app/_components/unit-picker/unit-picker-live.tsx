"use client";

import { TRPCReactProvider } from "~/app/_lib/trpc/react";
import { UnitPicker } from "./unit-picker";

/** The searching picker with the query layer around it: what `UnitPickerShell` loads on first use. */
export function LiveUnitPicker(props: React.ComponentProps<typeof UnitPicker>) {
  return (
    <TRPCReactProvider>
      <UnitPicker {...props} />
    </TRPCReactProvider>
  );
}
