// Prints a TCP port that nothing listens on now, chosen by the kernel (listen on port 0), so that the
// test servers (the e2e server, the throwaway PostgreSQL) never collide with whatever else runs here.
import net from "node:net";

const server = net.createServer();
server.listen(0, () => {
  const address = server.address();
  server.close(() => console.log(typeof address === "object" && address ? address.port : ""));
});
