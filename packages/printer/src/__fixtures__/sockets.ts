import net from "node:net";

/** A port nothing listens on: bind one, then let it go. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/**
 * Talks to a printer like a bare client: sends each chunk (with a pause between
 * them, so they arrive as separate TCP segments), collects what comes back,
 * and closes.
 */
export async function rawSession(port: number, chunks: Uint8Array[], waitMs = 100): Promise<Buffer> {
  const socket = net.connect({ host: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const received: Buffer[] = [];
  socket.on("data", (data: Buffer) => received.push(data));
  for (const chunk of chunks) {
    socket.write(chunk);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  await new Promise<void>((resolve) => socket.end(resolve));
  socket.destroy();
  return Buffer.concat(received);
}
