import * as oidc from 'openid-client';
import type { AppContext } from '../../context.ts';
import { SANDBOX_PREFIX } from './eid-sandbox.ts';

/**
 * The portal as an OpenID Connect relying party of the national e-ID: authorization code flow with
 * PKCE (S256), state and nonce, client_secret_basic at the token endpoint (openid-client). The issuer is
 * EID_ISSUER, or the in-process sandbox when none is configured.
 */
export class EidClient {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly ctx: AppContext) {}

  issuerFor(base: string) {
    return this.ctx.config.EID_ISSUER ?? `${base}${SANDBOX_PREFIX}`;
  }

  private configuration(issuer: string) {
    let config = this.configs.get(issuer);
    if (!config) {
      const options = issuer.startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : undefined;
      config = oidc.discovery(new URL(issuer), this.ctx.config.EID_CLIENT_ID, this.ctx.config.EID_CLIENT_SECRET, undefined, options);
      config.catch(() => this.configs.delete(issuer));
      this.configs.set(issuer, config);
    }
    return config;
  }

  /** Where to send the browser, and the secrets to keep until it comes back. */
  async start(base: string, redirectUri: string) {
    const issuer = this.issuerFor(base);
    const config = await this.configuration(issuer);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.ctx.config.EID_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The callback: the code exchanged with the verifier, the ID token's signature, issuer, audience and
   * nonce checked, the state compared; then the profile from the userinfo endpoint. Throws on any mismatch.
   */
  async finish(base: string, callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }) {
    const issuer = this.issuerFor(base);
    const config = await this.configuration(issuer);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const subject = tokens.claims()!.sub;
    const info = await oidc.fetchUserInfo(config, tokens.access_token, subject);
    return { issuer: config.serverMetadata().issuer, subject, info };
  }
}
