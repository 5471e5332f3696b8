import { parseAllowedHosts } from '../../../src/config/webhook-hosts';
import { TargetGuard } from '../../../src/infrastructure/webhooks/delivery/target-guard';

/** A DNS of our own: nothing here leaves the machine. */
const DNS: Record<string, string[]> = {
  'hooks.example.org': ['93.184.216.34'],
  'cms.newsroom.example': ['203.0.113.10'],
  'intranet.example.org': ['10.0.0.7'],
  'mixed.example.org': ['93.184.216.34', '192.168.1.20'],
  'v6.example.org': ['2606:2800:220:1:248:1893:25c8:1946'],
  'v6-local.example.org': ['fd12:3456::1'],
  'mapped.example.org': ['::ffff:10.0.0.7'],
  'metadata.example.org': ['169.254.169.254'],
  'cgnat.example.org': ['100.64.0.9'],
  'receiver.internal': ['10.1.2.3'],
};
const resolver = async (name: string) => {
  const addresses = DNS[name];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return addresses;
};
const guard = (allowed: string) => new TargetGuard(parseAllowedHosts(allowed), resolver);

describe('webhook targets', () => {
  it.each([
    ['*', 'https://hooks.example.org/factline'],
    ['*', 'https://v6.example.org/factline'],
    ['*', 'http://93.184.216.34/hook'],
    ['hooks.example.org', 'https://hooks.example.org:8443/factline'],
    ['*.example.org', 'https://hooks.example.org/factline'],
    ['receiver.internal', 'http://receiver.internal/hook'],
    ['*,10.0.0.0/8', 'https://intranet.example.org/hook'],
    ['10.0.0.7', 'http://10.0.0.7/hook'],
    ['fd12:3456::/32', 'http://[fd12:3456::1]/hook'],
  ])('with WEBHOOK_ALLOWED_HOSTS=%s, allows %s', async (allowed, url) => {
    await expect(guard(allowed).refusal(url)).resolves.toBeUndefined();
  });

  it.each([
    ['', 'https://hooks.example.org/', 'no webhook target is allowed: WEBHOOK_ALLOWED_HOSTS is empty'],
    [
      'hooks.example.org',
      'https://cms.newsroom.example/',
      'host cms.newsroom.example is not allowed by WEBHOOK_ALLOWED_HOSTS',
    ],
    ['*.example.org', 'https://example.org/', 'host example.org is not allowed by WEBHOOK_ALLOWED_HOSTS'],
    ['hooks.example.org', 'http://93.184.216.34/', 'address 93.184.216.34 is not allowed by WEBHOOK_ALLOWED_HOSTS'],
    [
      '*',
      'https://intranet.example.org/',
      'host intranet.example.org resolves to 10.0.0.7, a private address; list it in WEBHOOK_ALLOWED_HOSTS to allow it',
    ],
    ['*', 'https://mixed.example.org/', 'host mixed.example.org resolves to 192.168.1.20, a private address'],
    ['*', 'https://v6-local.example.org/', 'resolves to fd12:3456::1, a unique local (private) address'],
    ['*', 'https://mapped.example.org/', 'resolves to 10.0.0.7, a private address'],
    ['*', 'https://metadata.example.org/', 'resolves to 169.254.169.254, a link-local address'],
    ['*', 'https://cgnat.example.org/', 'resolves to 100.64.0.9, a carrier-grade NAT address'],
    ['*.example.org', 'https://intranet.example.org/', 'resolves to 10.0.0.7, a private address'],
    ['*', 'http://0.0.0.0:3000/', '0.0.0.0 is an unspecified address'],
    ['*', 'http://[::]/', ':: is an unspecified address'],
    ['*', 'http://224.0.0.1/', '224.0.0.1 is a multicast address'],
    ['*', 'http://2130706433/', '127.0.0.1 is a loopback address'],
    ['*', 'http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['*', 'https://unknown.example.org/', 'host unknown.example.org does not resolve'],
    ['*', 'file:///etc/passwd', 'must be an http or https URL'],
    ['*', 'gopher://hooks.example.org/', 'must be an http or https URL'],
    ['*', 'https://me:secret@hooks.example.org/', 'must not carry a user name or password'],
  ])('with WEBHOOK_ALLOWED_HOSTS=%s, refuses %s', async (allowed, url, reason) => {
    await expect(guard(allowed).refusal(url)).resolves.toContain(reason);
  });

  describe('at connect time', () => {
    const lookup = (allowed: string, host: string, all: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        guard(allowed).lookup(host, { all }, (error, address, family) =>
          error ? reject(error) : resolve(all ? address : { address, family }),
        ),
      );

    it('answers as dns.lookup does, for both call forms', async () => {
      await expect(lookup('*', 'hooks.example.org', true)).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
      await expect(lookup('*', 'v6.example.org', false)).resolves.toEqual({
        address: '2606:2800:220:1:248:1893:25c8:1946',
        family: 6,
      });
    });

    it('fails the connection when the name resolves to a refused address', async () => {
      await expect(lookup('*', 'intranet.example.org', true)).rejects.toMatchObject({
        code: 'EWEBHOOKTARGET',
        message: expect.stringContaining('resolves to 10.0.0.7, a private address'),
      });
    });
  });
});
