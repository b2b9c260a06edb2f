import type { ReportInput } from '../../shared/report';
import type { Country } from '../../shared/settings';

/** What the content script passes to the warning UI (contract in .notes/ui-contracts.md). */
export interface WarningInput extends ReportInput {
  country: Country;
}
