// The upload portal's page script. No framework and nothing loaded from elsewhere: it signs in with an
// upload key, asks the API for write access to one file, PUTs the file there (a create-only SAS in Azure,
// serve's one-shot endpoint locally), then polls the submitter's own uploads until the report exists.
// Every value from an upload is put in the page as text (textContent), never as HTML.
'use strict';

(() => {
  const api = '/api/portal';
  const pollEveryMs = 1000;
  const pollForMs = 5 * 60 * 1000;
  const el = (id) => document.getElementById(id);
  let session = JSON.parse(sessionStorage.getItem('portal-session') || 'null');
  let shownUploadId = null;

  function make(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }

  function notice(message) {
    const box = el('notice');
    box.textContent = message;
    box.hidden = !message;
    if (message) box.focus();
  }

  function progress(message) { el('progress').textContent = message; }

  async function call(method, path, body) {
    const headers = {};
    if (session) headers.Authorization = 'Bearer ' + session.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const data = response.headers.get('Content-Type')?.startsWith('application/json') ? await response.json() : null;
    if (response.status === 401 && session) {
      // The session ran out (or the page was left open): back to signing in, saying why.
      signOut(data?.error || 'Your session has expired. Sign in again with your upload key.');
      throw new Error('signed out');
    }
    return { status: response.status, data };
  }

  function showSignIn() {
    el('who').hidden = true;
    el('upload').hidden = el('result').hidden = el('history').hidden = true;
    el('sign-in').hidden = false;
  }

  function signOut(message) {
    session = null;
    sessionStorage.removeItem('portal-session');
    showSignIn();
    progress('');
    if (message) notice(message); else { notice(''); el('key').focus(); }
  }

  async function showSignedIn(focusHeading) {
    el('sign-in').hidden = true;
    el('who-text').textContent = 'Signed in as ' + session.submitterId;
    el('who').hidden = false;
    const select = el('return-type');
    select.replaceChildren(...session.returnTypes.map((type) => make('option', type, { value: type })));
    el('upload').hidden = false;
    if (focusHeading) { el('upload-heading').setAttribute('tabindex', '-1'); el('upload-heading').focus(); }
    await refreshHistory();
  }

  el('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    notice('');
    const key = el('key').value.trim();
    if (!key) { notice('Enter your upload key.'); return; }
    const { status, data } = await call('POST', '/session', { key });
    if (status !== 200) { notice(data?.error || 'Signing in did not work. Try again.'); return; }
    el('key').value = '';
    session = data;
    sessionStorage.setItem('portal-session', JSON.stringify(session));
    await showSignedIn(true);
  });

  el('sign-out').addEventListener('click', async () => {
    // Ends the session on the server too, so the token no longer works even if it was copied.
    const token = session?.token;
    signOut();
    if (token) {
      await fetch(api + '/session', { method: 'DELETE', headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' }).catch(() => {});
    }
  });

  el('upload-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    notice('');
    const file = el('file').files[0];
    if (!file) { notice('Choose the file to send.'); return; }
    el('send').disabled = true;
    try {
      await send(file, el('return-type').value);
    } catch (error) {
      if (error.message !== 'signed out') notice('Something went wrong sending the file: ' + error.message + '. Try again.');
    } finally {
      el('send').disabled = false;
    }
  });

  async function send(file, returnType) {
    progress('Asking to send ' + file.name + '…');
    const { status, data } = await call('POST', '/uploads', { returnType, fileName: file.name, size: file.size });
    if (status !== 200) { progress(''); notice(data?.error || 'The file was refused.'); return; }
    progress('Sending ' + file.name + '…');
    const put = await fetch(data.uploadUrl, { method: 'PUT', headers: data.headers, body: file });
    if (!put.ok) { progress(''); notice('The file could not be sent (' + put.status + '). Try again.'); return; }
    await waitForReport(data.uploadPath, file.name);
  }

  async function waitForReport(uploadPath, fileName) {
    const started = Date.now();
    while (Date.now() - started < pollForMs) {
      const seconds = Math.round((Date.now() - started) / 1000);
      progress('Checking ' + fileName + '… ' + (seconds ? seconds + ' s' : ''));
      const { data } = await call('GET', '/uploads');
      const upload = data?.find((u) => u.uploadPath === uploadPath);
      if (upload) {
        renderHistory(data);
        progress('Checked ' + fileName + ': ' + upload.status + '.');
        await showReport(upload.uploadId);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    }
    progress('');
    notice('The file was sent but its check has not finished. Come back later: it will be in your earlier uploads.');
  }

  async function showReport(uploadId) {
    const { status, data } = await call('GET', '/uploads/' + encodeURIComponent(uploadId));
    if (status !== 200) { notice(data?.error || 'That report could not be found.'); return; }
    shownUploadId = uploadId;
    renderReport(data.upload, data.report);
    el('result').hidden = false;
    el('result-heading').focus();
  }

  function renderReport(upload, report) {
    const accepted = report.status === 'accepted';
    // A duplicate repeats the return in force byte for byte: nothing changed, nothing to fix.
    const duplicate = report.status === 'duplicate' && report.sameAs;
    el('result').dataset.status = report.status;
    el('result-heading').textContent = 'Result for ' + upload.fileName;
    const status = el('result-status');
    status.className = 'status ' + (accepted || duplicate ? 'accepted' : 'rejected');
    status.textContent = duplicate
      ? 'Same as ' + report.sameAs.file.split('/').pop() + ', received ' + new Date(report.sameAs.receivedUtc).toLocaleString('en-GB')
        + ', which is the return in force: nothing has changed.'
      : accepted
      ? (report.queries ? 'Accepted, with queries to check.' : 'Accepted.')
      : 'Rejected. Fix the errors below and send the file again.';
    const counts = [['Rows read', report.rowsRead], ['Errors', report.errors], ['Queries', report.queries]];
    if (report.period) counts.unshift(['Period', report.period]);
    el('result-counts').replaceChildren(...counts.flatMap(([name, value]) => [make('dt', name), make('dd', value)]));
    el('issues').replaceChildren(...issuesTable(report));
  }

  function issuesTable(report) {
    if (!report.issues.length) return [make('p', 'No issues found.')];
    const table = make('table', undefined, { id: 'issues-table' });
    table.append(make('caption', 'Issues, by row (' + report.issues.length + ')'));
    const head = make('tr');
    for (const name of ['Row', 'Column', 'Value', 'Severity', 'Rule', 'Message', 'How to fix']) head.append(make('th', name, { scope: 'col' }));
    const thead = make('thead');
    thead.append(head);
    table.append(thead);
    const body = make('tbody');
    for (const issue of report.issues) {
      const row = make('tr', undefined, { 'data-row': issue.row ?? 'file' });
      row.append(make('th', issue.row ?? 'whole file', { scope: 'row' }));
      for (const value of [issue.column ?? '', issue.value ?? '', issue.severity, issue.ruleId, issue.message, issue.fix]) row.append(make('td', value));
      body.append(row);
    }
    table.append(body);
    const parts = [table];
    if (report.issuesOmitted) parts.push(make('p', report.issuesOmitted + ' more issues are in the CSV report.'));
    return parts;
  }

  el('download-csv').addEventListener('click', async () => {
    if (!shownUploadId) return;
    const response = await fetch(api + '/uploads/' + encodeURIComponent(shownUploadId) + '/report.csv',
      { headers: { Authorization: 'Bearer ' + session.token }, cache: 'no-store' });
    if (response.status === 401) { signOut('Your session has expired. Sign in again with your upload key.'); return; }
    if (!response.ok) { notice('The CSV report could not be downloaded.'); return; }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'report.csv';
    const link = make('a', undefined, { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  });

  async function refreshHistory() {
    const { status, data } = await call('GET', '/uploads');
    if (status === 200) renderHistory(data);
  }

  function renderHistory(uploads) {
    el('history').hidden = false;
    if (!uploads.length) { el('history-list').replaceChildren(make('p', 'None yet.')); return; }
    const table = make('table', undefined, { id: 'history-table' });
    table.append(make('caption', 'Newest first'));
    const head = make('tr');
    for (const name of ['File', 'Return type', 'Received', 'Status', 'Rows', 'Errors', 'Queries', 'Report']) head.append(make('th', name, { scope: 'col' }));
    const thead = make('thead');
    thead.append(head);
    table.append(thead);
    const body = make('tbody');
    for (const upload of uploads) {
      const row = make('tr', undefined, { 'data-upload-id': upload.uploadId });
      row.append(make('th', upload.fileName, { scope: 'row' }));
      const received = upload.receivedUtc ? new Date(upload.receivedUtc).toLocaleString('en-GB') : '';
      for (const value of [upload.returnType, received, upload.status, upload.rowsRead, upload.errors, upload.queries]) row.append(make('td', value));
      const button = make('button', 'Show report', { type: 'button', 'aria-label': 'Show report for ' + upload.fileName });
      button.addEventListener('click', () => showReport(upload.uploadId));
      const cell = make('td');
      cell.append(button);
      row.append(cell);
      body.append(row);
    }
    table.append(body);
    el('history-list').replaceChildren(table);
  }

  if (session) showSignedIn(false).catch(() => {}); else showSignIn();
})();
