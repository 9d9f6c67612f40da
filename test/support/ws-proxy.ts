import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP proxy, as Neon runs in front of Postgres, so that the Neon serverless
 * driver can reach a plain local Postgres in tests. Each connection asks for its target
 * with `?address=host:port`.
 */
export async function startWsProxy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    const tcp = net.connect({ host: host || "localhost", port: Number(port) || 5432 });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("message", (data) => tcp.write(data as Buffer));
    socket.on("close", () => tcp.destroy());
    socket.on("error", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
