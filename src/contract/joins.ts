/** Join types and verdicts: the words the documents use for a device's state and for a decision. */

/** How a PC is joined, from `dsregcmd /status` (AzureAdJoined, DomainJoined, WorkplaceJoined, EnterpriseJoined). */
export type JoinType = 'entra-joined' | 'hybrid-joined' | 'entra-registered' | 'domain-joined' | 'drs-joined' | 'not-joined' | 'unknown';

/** The join type of one registration: the device join, or a work account (always Entra registered). */
export type RegistrationJoinType = 'entra-joined' | 'hybrid-joined' | 'entra-registered';
export type RegistrationKind = 'device-join' | 'work-account';
export type RegistrationHealth = 'healthy' | 'failing' | 'unknown';

export type Severity = 'error' | 'warning' | 'info';

/** How the output was taken: user state and SSO state only describe a real user in `user`. */
export type RunContextKind = 'user' | 'elevated' | 'system' | 'remote' | 'unknown';

/** Which registration the reported error is about (diagnosis `matchedRegistration.verdict`). */
export type MatchVerdict = 'device-join' | 'work-account' | 'needs-evidence' | 'none';
export type MatchBy = 'device-id' | 'tenant' | 'failing' | 'only-registration' | 'device-join';
export type MatchReason = 'matched-healthy' | 'device-id-not-on-this-pc' | 'tenant-not-on-this-pc' | 'ambiguous' | 'all-healthy';

/** `verify`'s verdict on a before/after pair. Exit code 0 for `fixed` and `no-change-needed`, else 1. */
export type VerifyVerdict = 'fixed' | 'not-fixed' | 'in-progress' | 'different-problem' | 'no-change-needed' | 'cannot-tell';
export const VERIFY_VERDICTS: readonly VerifyVerdict[] = ['fixed', 'not-fixed', 'in-progress', 'different-problem', 'no-change-needed', 'cannot-tell'];

/** Are the two outputs of `verify` from one PC? */
export type SameDevice = 'yes' | 'no' | 'unknown';

/** Which branch of the article's flow the plan takes. */
export type PlanBranch = 'registered' | 'joined' | 'hybrid' | 'dual-state-hybrid' | 'dual-state-joined' | 'all-no' | 'drs' | 'unknown' | 'disabled' | 'none';

/** Where a step sits in the article's flow. */
export type Stage = 'prepare' | 'remedy' | 'fallback' | 'support';

/** Who must run a step: a local administrator on the PC, a tenant/directory admin, a domain admin, or the user. */
export type AdminScope = 'local' | 'tenant' | 'domain' | 'none';
