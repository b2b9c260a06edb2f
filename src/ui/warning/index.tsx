/// <reference types="vite/client" />
// Warning UI with the dialog bundled in (extension pages such as the popup, and tests). The content
// script uses lazy.ts instead, which loads the dialog on first use. Both render in the host's open
// shadow root with a full style reset so page CSS and ours never meet.
import { buildReportFrom, type Report } from '../../shared/report';
import { type MountOptions, mountBadge, openStandalone, type WarningView } from './badge';
import * as dialogModule from './dialog-entry';
import type { WarningInput } from './types';

export type { WarningInput } from './types';
export type { Report } from '../../shared/report';
export type { MountOptions } from './badge';

/** Report package (plain text + JSON) in the user's language. */
export function buildReport(input: WarningInput, now: Date): Report {
  return buildReportFrom(input, now);
}

export function mountWarning(host: HTMLElement, input: WarningInput, options: MountOptions = {}): WarningView {
  return mountBadge(host, input, () => dialogModule, options);
}

/** The verdict dialog on its own (context-menu check, "check this page"), in a host appended to <body>. */
export function openVerdictDialog(input: WarningInput, options: MountOptions = {}): { close(): void } {
  return openStandalone(input, () => dialogModule, options);
}
