// OpenID Connect sign-in: authorization code with PKCE (RFC 7636, S256) in the browser.
//
// Tokens live in this module's memory only: never localStorage or sessionStorage, so a reload or a
// new tab signs in again. The one thing that must survive the redirect to the identity provider and
// back is the PKCE verifier with its state and nonce; it is kept in sessionStorage (this tab only)
// under PENDING_KEY and removed as soon as the provider redirects back, used or not.

const PENDING_KEY = 'airlock.console.pkce';

let session = null; // { accessToken, refreshToken, expiresAt, user, tokenEndpoint, clientId }

export function currentSession() {
  return session;
}

export function signOut() {
  session = null;
}

function base64url(bytes) {
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    { credentials: 'omit' });
  if (!response.ok) throw new Error(`the identity provider's discovery document: HTTP ${response.status}`);
  const document = await response.json();
  if (document.issuer !== issuer) throw new Error('the discovery document names another issuer');
  return document;
}

/** Sends the browser to the provider's sign-in page. */
export async function startSignIn(config) {
  const provider = await discover(config.issuer);
  const verifier = randomToken();
  const state = randomToken();
  const nonce = randomToken();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, nonce }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri,
    scope: config.scopes, state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

/**
 * Completes a sign-in when the page is the provider's redirect back (?code=…&state=… or ?error=…).
 * Returns false when it is not one; throws with a readable message when the sign-in failed.
 */
export async function completeSignIn(config, location = window.location) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  sessionStorage.removeItem(PENDING_KEY);
  // The code must not stay in the address bar or the history.
  window.history.replaceState(null, '', config.redirectUri + '#/review');
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('This sign-in was not started here (state does not match). Sign in again.');
  }
  if (params.has('error')) {
    throw new Error(params.get('error') === 'access_denied' ? 'Sign-in was cancelled.'
      : `Sign-in failed: ${params.get('error')}`);
  }
  const provider = await discover(config.issuer);
  const tokens = await tokenRequest(provider.token_endpoint, {
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: config.redirectUri,
    client_id: config.clientId, code_verifier: pending.verifier,
  });
  const idClaims = claimsOf(tokens.id_token);
  // The ID token came straight from the token endpoint (OIDC Core 3.1.3.7 allows TLS in place of
  // its signature there); the nonce binds it to this sign-in.
  if (idClaims.nonce !== pending.nonce || idClaims.iss !== config.issuer) {
    throw new Error('The identity provider answered for another sign-in. Sign in again.');
  }
  remember(tokens, idClaims.sub, provider.token_endpoint, config.clientId);
  return true;
}

/** Renews the access token with the refresh token once; false when there is none or it is refused. */
export async function refresh() {
  if (!session || !session.refreshToken) return false;
  try {
    const tokens = await tokenRequest(session.tokenEndpoint, {
      grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: session.clientId,
    });
    remember(tokens, session.user, session.tokenEndpoint, session.clientId);
    return true;
  } catch (e) {
    session = null;
    return false;
  }
}

function remember(tokens, user, tokenEndpoint, clientId) {
  session = {
    accessToken: tokens.access_token, refreshToken: tokens.refresh_token || null,
    expiresAt: Date.now() + 1000 * Number(tokens.expires_in || 0), user, tokenEndpoint, clientId,
  };
}

async function tokenRequest(endpoint, form) {
  const response = await fetch(endpoint, {
    method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The identity provider refused the sign-in (${body.error || response.status}). Sign in again.`);
  }
  return body;
}

function claimsOf(jwt) {
  const part = String(jwt || '').split('.')[1] || '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
