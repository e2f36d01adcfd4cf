/**
 * A browser-like citizen for tests: a cookie jar, redirects followed by hand, and the sandbox e-ID
 * sign-in walked through (start → provider → sign-in page → callback).
 */
export class CitizenClient {
  readonly jar = new Map<string, string>();
  csrfToken = '';
  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async raw(method: string, pathOrUrl: string, init: { body?: RequestInit['body']; headers?: Record<string, string> } = {}) {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : this.baseUrl + pathOrUrl;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { 'accept-language': 'vi', ...(this.jar.size ? { cookie: this.cookieHeader() } : {}), ...(this.csrfToken && method !== 'GET' ? { 'x-citizen-csrf': this.csrfToken } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  async json(method: string, path: string, body?: unknown) {
    const res = await this.raw(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const text = await res.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  get = (path: string) => this.json('GET', path);
  post = (path: string, body?: unknown) => this.json('POST', path, body);
  put = (path: string, body?: unknown) => this.json('PUT', path, body);

  async upload(bytes: Buffer, contentType = 'application/pdf', name = 'giay-to.pdf') {
    const res = await this.raw('POST', `/api/citizen/files?name=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-type': contentType } });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** Follows redirects from `location` until one leaves the provider for the callback (not followed). */
  async startEid(returnTo = '/ho-so-cua-toi') {
    let res = await this.raw('GET', `/api/citizen/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`);
    let location = res.headers.get('location')!;
    while (res.status >= 300 && res.status < 400 && !location.includes('/api/citizen/auth/eid/callback')) {
      res = await this.raw('GET', new URL(location, this.baseUrl).href);
      location = res.headers.get('location') ?? '';
    }
    return { res, location };
  }

  /** The sandbox sign-in up to the callback URL the provider sends the browser to. */
  async eidCallbackUrl(subject = 'vneid-demo-0001') {
    const { res } = await this.startEid();
    // The sign-in page: its form posts the chosen demo account.
    const html = await res.text();
    const action = new RegExp(`action="([^"]+)"[^>]*><input type="hidden" name="account" value="${subject}"`).exec(html)?.[1];
    if (!action) throw new Error(`no sign-in form for ${subject}: ${res.status} ${html.slice(0, 300)}`);
    let r = await this.raw('POST', action, { body: new URLSearchParams({ account: subject }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    let location = r.headers.get('location')!;
    while (!location.includes('/api/citizen/auth/eid/callback')) {
      r = await this.raw('GET', new URL(location, this.baseUrl).href);
      location = r.headers.get('location')!;
      if (!location) throw new Error(`stuck at ${r.status}: ${(await r.text()).slice(0, 300)}`);
    }
    return new URL(location, this.baseUrl);
  }

  async signInWithEid(subject = 'vneid-demo-0001') {
    const callback = await this.eidCallbackUrl(subject);
    const res = await this.raw('GET', callback.pathname + callback.search);
    if (res.status !== 302) throw new Error(`callback: ${res.status} ${await res.text()}`);
    const me = await this.get('/api/citizen/me');
    this.csrfToken = me.body.csrfToken;
    return me.body;
  }
}
