// The Airlock HTTP API (docs/API.md) with the in-memory access token.
import { currentSession, refresh } from './auth.js';

/** An API error: HTTP status and the problem+json code and detail (RFC 9457). */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
  }
}

/** Thrown when there is no usable session: the page offers to sign in again. */
export class SessionExpired extends Error {}

export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async call(method, path, body) {
    let response = await this.send(method, path, body);
    if (response.status === 401 && await refresh()) {
      response = await this.send(method, path, body);
    }
    if (response.status === 401) throw new SessionExpired('Your session has expired.');
    const text = await response.text();
    const json = text ? safeJson(text) : null;
    if (!response.ok) {
      throw new ApiError(response.status, json && json.code, json && typeof json.detail === 'string' ? json.detail : '');
    }
    return json;
  }

  send(method, path, body) {
    const session = currentSession();
    if (!session) throw new SessionExpired('You are not signed in.');
    const headers = { Authorization: `Bearer ${session.accessToken}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(this.baseUrl + path, {
      method, headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Every page of GET /requests (follows nextCursor; bounded). */
  async listRequests(query) {
    const items = [];
    let cursor = null;
    for (let page = 0; page < 20; page++) {
      const params = new URLSearchParams(query);
      if (cursor) params.set('cursor', cursor);
      const body = await this.call('GET', `/requests?${params}`);
      items.push(...(body.items || []));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  request(id) {
    return this.call('GET', `/requests/${encodeURIComponent(id)}`);
  }

  /** The request's audit chain as stored (verify.js checks it). */
  audit(id) {
    return this.call('GET', `/requests/${encodeURIComponent(id)}/audit`);
  }

  /** Break-glass requests still owed a post-review that the caller may give (one page). */
  async reviewDue() {
    const body = await this.call('GET', '/requests?reviewDue=true');
    return body.items || [];
  }

  review(id, verdict, reason) {
    const body = { verdict };
    if (reason) body.reason = reason;
    return this.call('POST', `/requests/${encodeURIComponent(id)}/reviews`, body);
  }

  revoke(id, reason) {
    return this.call('POST', `/requests/${encodeURIComponent(id)}/revocation`, reason ? { reason } : {});
  }

  withdraw(id) {
    return this.call('DELETE', `/requests/${encodeURIComponent(id)}`);
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
