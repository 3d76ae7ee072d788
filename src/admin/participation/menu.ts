import { getFetchClient } from '@strapi/strapi/admin';

export const COMPLAINTS_PATH = 'participation-complaints';

/**
 * The confidential complaints' menu link is offered only to complaint officers: it is hidden
 * until the server (GET /participation/me) says the signed-in person is one. The check runs each
 * time the link appears in the menu (after a sign-in), never on the sign-in page. The server
 * refuses the complaints to anybody else in any case.
 */
export const gateComplaintsLink = () => {
  if (typeof document === 'undefined' || document.getElementById('prongsai-complaints-link'))
    return;
  const selector = `a[href$="/${COMPLAINTS_PATH}"]`;
  const style = document.createElement('style');
  style.id = 'prongsai-complaints-link';
  style.textContent = `li:not([data-officer='true']):has(${selector}), ${selector}:not([data-officer='true']) { display: none !important; }`;
  document.head.appendChild(style);
  const checked = new WeakSet<Element>();
  const check = (link: HTMLAnchorElement) => {
    checked.add(link);
    getFetchClient()
      .get<{ data: { complaintOfficer: boolean } }>('/participation/me')
      .then((res) => {
        if (!res.data.data.complaintOfficer) return;
        link.dataset.officer = 'true';
        const li = link.closest('li');
        if (li) li.setAttribute('data-officer', 'true');
      })
      .catch(() => undefined);
  };
  const scan = () => {
    document.querySelectorAll<HTMLAnchorElement>(selector).forEach((link) => {
      if (!checked.has(link)) check(link);
    });
  };
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
};
