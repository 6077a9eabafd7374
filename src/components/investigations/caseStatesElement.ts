/**
 * `<case-states data-rules='{"case-id": [rules…]}'>`: fills each `[data-case-state="case-id"]` inside it with the
 * learner's state of that case (not started, in progress with points so far, solved with the score).
 */
import { caseStateText } from '../../investigations/caseList';
import type { ObjectiveRules } from '../../investigations/caseState';

class CaseStates extends HTMLElement {
  connectedCallback(): void {
    void this.fill();
  }

  private async fill(): Promise<void> {
    const rules = JSON.parse(this.dataset.rules ?? '{}') as Record<string, ObjectiveRules[]>;
    try {
      const { listCases } = await import('../../store/learner');
      const records = new Map((await listCases()).map((record) => [record.scenarioId, record]));
      for (const cell of this.querySelectorAll<HTMLElement>('[data-case-state]')) {
        const id = cell.dataset.caseState ?? '';
        cell.textContent = caseStateText(records.get(id), rules[id] ?? []);
      }
    } catch (error) {
      console.error('The state of your cases could not be read.', error);
      for (const cell of this.querySelectorAll<HTMLElement>('[data-case-state]'))
        cell.textContent = 'Unknown (your saved work could not be read)';
    }
  }
}

if (!customElements.get('case-states')) customElements.define('case-states', CaseStates);
