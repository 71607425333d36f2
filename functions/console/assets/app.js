// The Airlock review console: boot, sign-in, routing (#/review, #/mine, #/request/ID), polling.
import { el, replace } from './dom.js';
import { loadConfig } from './config.js';
import { startSignIn, completeSignIn, currentSession, signOut } from './auth.js';
import { Api, SessionExpired } from './api.js';
import { reviewPage, minePage, requestPage, explain } from './pages.js';

const POLL_MS = 15000;
const POLL_MAX_MS = 120000;

const page = document.getElementById('page');
const status = document.getElementById('status');
const who = document.getElementById('who');
const nav = document.getElementById('nav');
let config;
let api;
let pollTimer = null;
let pollDelay = POLL_MS;

function announce(text, refreshNow = false) {
  status.textContent = text;
  if (refreshNow) render({ keepStatus: true });
}

function showSignIn(message) {
  stopPolling();
  nav.hidden = true;
  replace(who);
  const button = el('button', { type: 'button', class: 'primary', onclick: () => signIn() }, 'Sign in');
  replace(page, el('h2', { tabindex: '-1' }, 'Sign in'),
    message ? el('p', { class: 'notice', role: 'alert' }, message) : null,
    el('p', {}, 'Review access requests and follow your own. Sign in with your organisation\'s identity provider.'),
    button);
  button.focus();
}

async function signIn() {
  try {
    await startSignIn(config);
  } catch (e) {
    showSignIn(`Sign-in could not start: ${e.message}`);
  }
}

function expired() {
  signOut();
  showSignIn('Your session has expired. Sign in again.');
}

function showSignedIn() {
  nav.hidden = false;
  replace(who, el('span', {}, 'Signed in as ', el('strong', {}, currentSession().user)),
    el('button', { type: 'button', onclick: () => { signOut(); status.textContent = ''; showSignIn('You have signed out.'); } }, 'Sign out'));
}

function route() {
  const hash = window.location.hash || '#/review';
  const detail = /^#\/request\/(.+)$/.exec(hash);
  if (detail) return { name: 'request', id: decodeURIComponent(detail[1]) };
  return { name: hash === '#/mine' ? 'mine' : 'review' };
}

async function render({ keepStatus = false, focus = false } = {}) {
  if (!currentSession()) return;
  if (!keepStatus) status.textContent = '';
  const where = route();
  for (const link of nav.querySelectorAll('a')) {
    if (link.id === `nav-${where.name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const ctx = { api, user: currentSession().user, announce, expired };
  try {
    const content = where.name === 'request' ? await requestPage(ctx, where.id)
      : where.name === 'mine' ? await minePage(ctx) : await reviewPage(ctx);
    if (page.querySelector('form.confirm') && !focus) return; // never pull a half-typed review away
    replace(page, content);
    if (focus) page.querySelector('h2')?.focus();
    pollDelay = POLL_MS;
  } catch (e) {
    if (e instanceof SessionExpired) return expired();
    pollDelay = Math.min(pollDelay * 2, POLL_MAX_MS);
    replace(page, el('h2', { tabindex: '-1' }, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, explain(e)),
      el('button', { type: 'button', onclick: () => render({ focus: true }) }, 'Try again'));
  }
  schedulePoll();
}

/** Live enough: refresh every 15 s while the tab is visible, backing off to 2 min on errors. */
function schedulePoll() {
  stopPolling();
  pollTimer = window.setTimeout(() => {
    if (document.hidden) return schedulePoll();
    return render({ keepStatus: true });
  }, pollDelay);
}

function stopPolling() {
  if (pollTimer) window.clearTimeout(pollTimer);
  pollTimer = null;
}

async function boot() {
  try {
    config = await loadConfig();
  } catch (e) {
    replace(page, el('p', { class: 'error', role: 'alert' }, `The console is not configured: ${e.message}`));
    return;
  }
  api = new Api(config.apiUrl);
  window.addEventListener('hashchange', () => render({ focus: true }));
  let signedIn = false;
  try {
    signedIn = await completeSignIn(config);
  } catch (e) {
    return showSignIn(e.message);
  }
  if (!signedIn) {
    // A first visit goes straight to the sign-in page: one click fewer for a reviewer who was paged.
    return signIn();
  }
  showSignedIn();
  render({ focus: true });
}

boot();
