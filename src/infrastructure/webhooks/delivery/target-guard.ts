import dns from 'node:dns';
import { LookupFunction } from 'node:net';
import {
  AllowedHosts,
  IpAddress,
  isListedAddress,
  normaliseHostName,
  parseIpAddress,
} from '../../../config/webhook-hosts';

/** Every address a host name resolves to. */
export type Resolver = (hostName: string) => Promise<string[]>;

const systemResolver: Resolver = async (hostName) =>
  (await dns.promises.lookup(hostName, { all: true, verbatim: true })).map((entry) => entry.address);

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback',
  private: 'a private',
  linkLocal: 'a link-local',
  uniqueLocal: 'a unique local (private)',
  carrierGradeNat: 'a carrier-grade NAT',
  unspecified: 'an unspecified',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
};

/** Public addresses are the plain unicast ones; every special range (loopback, private, …) is not. */
function nonPublicRange(address: IpAddress): string | undefined {
  const range = address.range();
  return range === 'unicast' ? undefined : (RANGE_WORDS[range] ?? `a special-purpose (${range})`);
}

const LIST_IT = 'list it in WEBHOOK_ALLOWED_HOSTS to allow it';

/** Raised by the connect-time lookup, so a refused address never gets a connection. */
export class TargetRefusedError extends Error {
  readonly code = 'EWEBHOOKTARGET';
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefusedError';
  }
}

/**
 * Keeps webhooks off the newsroom's own network. A target must be http(s), its host allowed by
 * WEBHOOK_ALLOWED_HOSTS, and every address it resolves to public unless the host name or that address
 * is listed. Registration checks the name and its current addresses; every connection checks again
 * through `lookup`, on the addresses it is about to use, since a DNS answer can change.
 */
export class TargetGuard {
  constructor(
    private readonly allowed: AllowedHosts,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** What can be told from the URL alone. */
  urlRefusal(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'is not a URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http or https URL';
    if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password';
    const literal = parseIpAddress(parsed.hostname);
    if (literal) return this.addressRefusal(parsed.hostname, literal, true);
    if (!this.nameAllowed(parsed.hostname)) {
      return this.noneAllowed() ?? `host ${parsed.hostname} is not allowed by WEBHOOK_ALLOWED_HOSTS`;
    }
    return undefined;
  }

  /** At registration: the URL, then the addresses its host resolves to now. */
  async refusal(url: string): Promise<string | undefined> {
    const refusal = this.urlRefusal(url);
    if (refusal) return refusal;
    const host = new URL(url).hostname;
    if (parseIpAddress(host)) return undefined;
    let addresses: string[];
    try {
      addresses = await this.resolve(host);
    } catch {
      return `host ${host} does not resolve`;
    }
    return this.resolvedRefusal(host, addresses);
  }

  /** For `net.connect`: resolves as the system would, and fails the connection when an address is refused. */
  readonly lookup: LookupFunction = (hostName, options, callback) => {
    const wanted =
      options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    this.resolve(hostName).then(
      (all) => {
        const addresses = all.filter((address) => wanted === 0 || familyOf(address) === wanted);
        const refusal = this.resolvedRefusal(hostName, addresses);
        if (refusal) return callback(new TargetRefusedError(refusal), '', 0);
        if (options.all) {
          const entries = addresses.map((address) => ({ address, family: familyOf(address) }));
          return (callback as (error: null, entries: Array<{ address: string; family: number }>) => void)(
            null,
            entries,
          );
        }
        callback(null, addresses[0], familyOf(addresses[0]));
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  private resolvedRefusal(host: string, addresses: string[]): string | undefined {
    if (addresses.length === 0) return `host ${host} does not resolve`;
    for (const text of addresses) {
      const address = parseIpAddress(text);
      if (!address) return `host ${host} resolves to ${text}, which is not an IP address`;
      const refusal = this.addressRefusal(host, address, false);
      if (refusal) return refusal;
    }
    return undefined;
  }

  /** A listed host name may point anywhere; otherwise a non-public address must itself be listed. */
  private addressRefusal(host: string, address: IpAddress, literal: boolean): string | undefined {
    if (isListedAddress(this.allowed, address)) return undefined;
    const range = nonPublicRange(address);
    if (literal) {
      if (range) return `${address.toString()} is ${range} address; ${LIST_IT}`;
      return this.allowed.anyPublicHost
        ? undefined
        : (this.noneAllowed() ?? `address ${address.toString()} is not allowed by WEBHOOK_ALLOWED_HOSTS`);
    }
    if (!range || this.allowed.names.has(normaliseHostName(host) ?? host)) return undefined;
    return `host ${host} resolves to ${address.toString()}, ${range} address; ${LIST_IT}`;
  }

  private nameAllowed(host: string): boolean {
    const name = normaliseHostName(host) ?? host;
    return (
      this.allowed.anyPublicHost ||
      this.allowed.names.has(name) ||
      this.allowed.domainSuffixes.some((suffix) => name.endsWith(`.${suffix}`))
    );
  }

  private noneAllowed(): string | undefined {
    const { anyPublicHost, names, domainSuffixes, networks } = this.allowed;
    const empty = !anyPublicHost && names.size === 0 && domainSuffixes.length === 0 && networks.length === 0;
    return empty ? 'no webhook target is allowed: WEBHOOK_ALLOWED_HOSTS is empty' : undefined;
  }
}

function familyOf(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}
