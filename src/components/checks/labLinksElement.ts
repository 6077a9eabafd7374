/**
 * <lab-links>: puts an "Open in lab" link under each KQL example of the lesson. The links are
 * computed at build time (in the same order as the examples); this only places them.
 */
class LabLinksElement extends HTMLElement {
  connectedCallback(): void {
    const links = JSON.parse(this.dataset.links ?? '[]') as string[];
    const content = this.closest('.sl-markdown-content') ?? document.querySelector('.sl-markdown-content');
    const examples = [...(content?.querySelectorAll('pre[data-language="kql"]') ?? [])];
    examples.forEach((pre, index) => {
      const href = links[index];
      if (!href) return;
      const block = pre.closest('.expressive-code') ?? pre;
      const paragraph = document.createElement('p');
      paragraph.className = 'open-in-lab';
      const link = document.createElement('a');
      link.href = href;
      link.textContent = 'Open in lab';
      // The name starts with the visible text, so that a learner who says "Open in lab" reaches it (WCAG 2.5.3).
      link.setAttribute(
        'aria-label',
        `Open in lab: example ${index + 1}, on the ${this.dataset.scenario} data set (seed ${this.dataset.seed})`,
      );
      paragraph.append(link);
      block.after(paragraph);
    });
  }
}

if (!customElements.get('lab-links')) customElements.define('lab-links', LabLinksElement);
