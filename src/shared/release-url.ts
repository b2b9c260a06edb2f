// The rules URL alone (see release.ts for why it is split off).
import rulesUrl from '../generated/release.rules-url.json';

/** Where signed rule updates are downloaded from; '' means this build starts with updates off. */
export const RELEASE_RULES_URL: string = rulesUrl.url;
