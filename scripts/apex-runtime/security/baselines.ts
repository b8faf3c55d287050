/** API names of the standard profiles the security model knows without the project's metadata. */
export const STANDARD_PROFILES = [
  'System Administrator',
  'Standard User',
  'Minimum Access - Salesforce',
  'Read Only'
] as const;
