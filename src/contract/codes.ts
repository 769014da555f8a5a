/**
 * Code categories: what kind of failure an error code is. A leaf of the contract (imports
 * nothing). The knowledge base (src/knowledge/codes.ts) gives every code one category, and
 * src/knowledge/meanings.ts says what the device-error codes mean to diagnose, plan and fleet.
 */

/** Where a code comes from: the token service, AD FS, Windows (HRESULT, NTSTATUS, WinHTTP) or DRS. */
export type CodeFamily = 'aadsts' | 'msis' | 'hresult' | 'ntstatus' | 'winhttp' | 'drs-server';

export const CODE_CATEGORIES = [
  'device-missing',
  'device-disabled',
  'device-state',
  'prt',
  'credentials',
  'network',
  'hybrid-join',
  'conditional-access',
  'tpm',
  'federation',
  'other',
] as const;
export type CodeCategory = (typeof CODE_CATEGORIES)[number];

/**
 * Why a device fails to sign in, as fleet reports it (`cause` in the fleet JSON), most serious
 * first: the order decides which cause a device with several codes gets.
 */
export const DEVICE_CAUSES = ['deleted', 'disabled', 'device-auth-failed', 'device-not-identified', 'not-compliant', 'not-hybrid-joined'] as const;
export type DeviceCause = (typeof DEVICE_CAUSES)[number];
