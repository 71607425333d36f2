// The console's settings. console-config.json (next to index.html) names the API; the API's public
// GET /.well-known/airlock names the issuer and clients. Values in console-config.json are the
// fallback while an API does not serve /.well-known/airlock.

export async function loadConfig() {
  const local = await getJson('console-config.json');
  const apiUrl = String(local.apiUrl || window.location.origin).replace(/\/+$/, '');
  let wellKnown = {};
  try {
    wellKnown = await getJson(`${apiUrl}/.well-known/airlock`);
  } catch (e) {
    wellKnown = {};
  }
  const config = {
    apiUrl,
    issuer: wellKnown.issuer || local.issuer,
    clientId: wellKnown.consoleClientId || local.clientId || 'airlock-console',
    scopes: local.scopes || 'openid',
    redirectUri: new URL('./', window.location.href).href.replace(/[?#].*$/, ''),
  };
  if (!config.issuer) throw new Error('the console configuration names no issuer');
  return config;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
