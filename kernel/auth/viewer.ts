export const ROLES = ["CITIZEN", "CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER", "POST_OPERATOR", "ANALYST"] as const;
export type Role = (typeof ROLES)[number];

/** The verified identity behind a request. */
export interface Viewer {
  nationalId: string;
  roles: Role[];
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return viewer !== null && roles.some((role) => viewer.roles.includes(role));
}

/** Officers are people acting for an agency; everyone else acts for themselves. */
export const OFFICER_ROLES: Role[] = ["CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER", "POST_OPERATOR"];

/** Who reads the dashboards' aggregates: analysts and every officer (the contract's "analysts and officers"). */
export const STATS_READERS: Role[] = ["ANALYST", ...OFFICER_ROLES];
