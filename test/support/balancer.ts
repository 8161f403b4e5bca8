import net from "node:net";

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/**
 * What a Kubernetes Service or a compose service name gives its callers, for a test: one address in
 * front of several replicas, each connection to the next replica in turn, skipping one that refuses.
 */
export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const connect = (client: net.Socket, tries: number) => {
    const upstream = net.connect(ports[next++ % ports.length]!, "127.0.0.1");
    let connected = false;
    sockets.add(upstream);
    upstream.once("close", () => sockets.delete(upstream));
    upstream.once("connect", () => {
      connected = true;
      client.pipe(upstream).pipe(client);
      client.resume();
      upstream.once("close", () => client.destroy());
      client.once("close", () => upstream.destroy());
    });
    upstream.once("error", () => (!connected && tries > 1 && !client.destroyed ? connect(client, tries - 1) : client.destroy()));
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    connect(client, ports.length);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
