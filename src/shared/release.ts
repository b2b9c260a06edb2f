// The endpoints and keys this build ships with. They come from release.config.json (one file for all of
// them, checked by src/tooling/release-config.ts), written by the build's first step as two small
// files: the every-page content script needs only the rules URL and must not carry the rest.
import runtime from '../generated/release.runtime.json';
import type { TrustedKey } from './signing';

export { RELEASE_RULES_URL } from './release-url';

/** Keys whose signatures this build accepts: every configured key that is not revoked. */
export const RELEASE_TRUSTED_KEYS: readonly TrustedKey[] = runtime.trustedKeys;
/** '' when the configuration has no usable value (a development build). */
export const RELEASE_FEEDBACK_EMAIL: string = runtime.feedbackEmail;
export const RELEASE_ISSUE_URL: string = runtime.issueUrl;
