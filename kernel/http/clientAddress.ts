import net from "node:net";
import type { IncomingMessage } from "node:http";

/** The proxies (addresses or CIDR blocks) whose X-Forwarded-For is believed. */
export function trustedProxies(entries: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = net.isIPv6(address!) ? "ipv6" : "ipv4";
    if (!net.isIP(address!)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR block`);
    if (prefix === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(prefix), family);
  }
  return list;
}

const plain = (address: string) => address.replace(/^::ffff:/, "");

/**
 * The client's address: the socket's, or, while the hop that sent the request is a trusted proxy,
 * the address that proxy appended to X-Forwarded-For (read from the right, so a client cannot
 * choose it by sending its own header).
 */
export function clientAddress(request: IncomingMessage, trusted: net.BlockList): string {
  let address = plain(request.socket.remoteAddress ?? "unknown");
  const forwarded = String(request.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter((hop) => net.isIP(hop));
  while (forwarded.length > 0 && net.isIP(address) && trusted.check(address, net.isIPv6(address) ? "ipv6" : "ipv4")) address = forwarded.pop()!;
  return address;
}
