const BANNER_ID = 'sc200-update-banner';

/** Tells the learner a new version is ready and reloads only when they say so. */
export function showUpdateBanner(onReload: () => void): void {
  if (document.getElementById(BANNER_ID)) return;
  const banner = document.createElement('div');
  banner.id = BANNER_ID;
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');

  const message = document.createElement('span');
  message.textContent = 'A new version of SC-200 Lab is ready. Your progress is kept.';

  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload to update';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });

  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = 'Later';
  later.addEventListener('click', () => banner.remove());

  banner.append(message, reload, later);
  document.body.append(banner);
}
