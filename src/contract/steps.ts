/** Step ids. The first group is the public contract (docs/product.md); never change their meaning. A leaf: imports nothing. */
export const STEP_IDS = [
  'disconnect-work-account',
  'reconnect-work-account',
  'forcerecovery',
  'leave-and-reboot',
  'clear-aad-storage-key',
  'retire-in-mdm',
  'check-auto-registration-policy',
  'contact-support',
  'enable-device-object',
  'sync-computer-object',
  // added by dsreg-doctor
  'rerun-as-user',
  'rerun-elevated',
  'collect-full-status',
  'confirm-device-object',
  'refresh-prt',
  'check-network-proxy',
  'check-scp',
  'check-credentials',
  'check-federation',
  'check-tpm',
  'check-clock',
  'check-conditional-access',
  'sign-in-to-recover',
  // restore first (#18) and verify's way back to the intended join (#11)
  'restore-device-object',
  'rejoin-entra',
  'collect-error-details',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export function isStepId(id: string): id is StepId {
  return (STEP_IDS as readonly string[]).includes(id);
}
