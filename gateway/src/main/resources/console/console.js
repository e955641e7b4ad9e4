// The SafeBed console. It never sees a token: the gateway keeps them in the session and adds them
// to /api calls, which carry only the session cookie from here. Everything shown is put in with
// textContent, never as markup.
'use strict';

const status = document.getElementById('status');
let csrf = null;

async function call(method, path) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrf) {
    headers[csrf.headerName] = csrf.token;
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    // The session ended: sign in again.
    window.location.assign('/console/');
    throw new Error('signed out');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `HTTP ${response.status}`);
  }
  return response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function showShelters(shelters) {
  const rows = document.getElementById('shelter-rows');
  rows.replaceChildren();
  for (const shelter of shelters) {
    const row = rows.insertRow();
    cell(row, shelter.codeName);
    cell(row, shelter.region);
    cell(row, shelter.status);
    cell(row, shelter.beds.available, 'count');
    cell(row, shelter.beds.held, 'count');
    cell(row, shelter.beds.occupied, 'count');
    cell(row, shelter.beds.outOfService, 'count');
    cell(row, shelter.capacityStale ? 'not confirmed lately' : 'confirmed',
        shelter.capacityStale ? 'stale' : '');
    const confirm = document.createElement('button');
    confirm.textContent = 'Confirm capacity';
    confirm.addEventListener('click', () => confirmCapacity(shelter.id));
    row.insertCell().append(confirm);
  }
  document.getElementById('shelters').hidden = false;
}

async function loadShelters() {
  showShelters(await call('GET', '/api/shelters'));
}

async function confirmCapacity(shelterId) {
  try {
    await call('POST', `/api/shelters/${encodeURIComponent(shelterId)}/capacity-check`);
    status.textContent = 'Capacity confirmed.';
    await loadShelters();
  } catch (error) {
    status.textContent = `Could not confirm: ${error.message}`;
  }
}

async function start() {
  try {
    const me = await call('GET', '/console/me');
    document.getElementById('who').textContent = `${me.subject} (${me.roles.join(', ')})`;
    csrf = await call('GET', '/console/csrf');
    const signOut = document.getElementById('sign-out');
    document.getElementById('csrf').name = csrf.parameterName;
    document.getElementById('csrf').value = csrf.token;
    signOut.querySelector('button').disabled = false;
    if (me.roles.includes('SHELTER_MANAGER') || me.roles.includes('COORDINATOR')) {
      await loadShelters();
    } else {
      status.textContent = 'Nothing to show for your role here yet.';
    }
  } catch (error) {
    status.textContent = `Could not load: ${error.message}`;
  }
}

start();
