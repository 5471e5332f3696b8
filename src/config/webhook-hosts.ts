import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Where webhooks may point, from `WEBHOOK_ALLOWED_HOSTS`. */
export interface AllowedHosts {
  /** `*`: any host whose addresses are all public. */
  anyPublicHost: boolean;
  /** Host names listed exactly (lower-case, punycode): allowed whatever they resolve to. */
  names: ReadonlySet<string>;
  /** `*.example.org`: that domain's sub-domains, public addresses only. */
  domainSuffixes: readonly string[];
  /** IP addresses and CIDR ranges: allowed as targets even when not public. */
  networks: ReadonlyArray<[IpAddress, number]>;
}

/** Lower-case punycode as the WHATWG URL parser gives it, or undefined when it is no plain host name. */
export function normaliseHostName(name: string): string | undefined {
  try {
    const url = new URL(`http://${name}/`);
    const valid = url.port === '' && url.username === '' && url.pathname === '/' && url.search === '';
    return valid && url.hostname !== '' ? url.hostname.replace(/\.$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function parseNetwork(entry: string): [IpAddress, number] | undefined {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValidCIDR(bare)) {
    const [address, bits] = ipaddr.parseCIDR(bare);
    return [address, bits];
  }
  if (!ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.process(bare);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Comma-separated entries: `*`, `*.example.org`, an exact host name, an IP address or a CIDR range.
 * Throws a one-line reason naming the entry that is none of these.
 */
export function parseAllowedHosts(raw: string | undefined): AllowedHosts {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const names = new Set<string>();
  const domainSuffixes: string[] = [];
  const networks: Array<[IpAddress, number]> = [];
  let anyPublicHost = false;
  for (const entry of entries) {
    if (entry === '*') {
      anyPublicHost = true;
      continue;
    }
    const network = parseNetwork(entry);
    if (network) {
      networks.push(network);
      continue;
    }
    const wildcard = entry.startsWith('*.');
    const name = normaliseHostName(wildcard ? entry.slice(2) : entry);
    if (!name || name.includes('*')) {
      throw new Error(`entry "${entry}" is not a host name, an IP address, a CIDR range, *.domain or *`);
    }
    if (wildcard) domainSuffixes.push(name);
    else names.add(name);
  }
  return { anyPublicHost, names, domainSuffixes, networks };
}

/** An address given as text, IPv4-mapped IPv6 turned into IPv4; undefined when it is not an IP address. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : undefined;
}

export function isListedAddress(allowed: AllowedHosts, address: IpAddress): boolean {
  return allowed.networks.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}
