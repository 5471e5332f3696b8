import { ConfigError, loadConfig } from '../../../src/config/config';
import { parseAllowedHosts } from '../../../src/config/webhook-hosts';

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('reads names, *.domains, *, IP addresses and CIDR ranges', () => {
    const allowed = parseAllowedHosts(
      ' Hooks.Example.org , *.cms.example.net,127.0.0.1, ::1, 10.20.0.0/16,[fd00::1],*',
    );
    expect([...allowed.names]).toEqual(['hooks.example.org']);
    expect(allowed.domainSuffixes).toEqual(['cms.example.net']);
    expect(allowed.anyPublicHost).toBe(true);
    expect(allowed.networks.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual([
      '127.0.0.1/32',
      '::1/128',
      '10.20.0.0/16',
      'fd00::1/128',
    ]);
  });

  it('keeps international names in the form URLs use (punycode)', () => {
    expect([...parseAllowedHosts('bücher.example').names]).toEqual(['xn--bcher-kva.example']);
  });

  it('is empty when unset, and then allows nothing', () => {
    expect(parseAllowedHosts(undefined)).toEqual({
      anyPublicHost: false,
      names: new Set(),
      domainSuffixes: [],
      networks: [],
    });
  });

  it.each(['hooks.example.org:8080', 'http://hooks.example.org', 'hooks example', 'a*b.example', '*.', 'hooks/path'])(
    'stops start-up with one line naming the variable for %s',
    (entry) => {
      const load = () => loadConfig({ WEBHOOK_ALLOWED_HOSTS: `127.0.0.1,${entry}` });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(
        `WEBHOOK_ALLOWED_HOSTS entry "${entry}" is not a host name, an IP address, a CIDR range, *.domain or *`,
      );
    },
  );

  it('refuses a retry cap below the first wait', () => {
    expect(() => loadConfig({ WEBHOOK_RETRY_BASE_MS: '5000', WEBHOOK_RETRY_MAX_MS: '1000' })).toThrow(
      'WEBHOOK_RETRY_MAX_MS must not be below WEBHOOK_RETRY_BASE_MS (5000)',
    );
  });

  it('names a malformed number', () => {
    expect(() => loadConfig({ WEBHOOK_DISABLE_AFTER_FAILURES: 'often' })).toThrow(/^WEBHOOK_DISABLE_AFTER_FAILURES /);
  });
});
