import type { AgencyDeployment } from "../deployments";

/** labor in docker-compose.yml and deploy/kubernetes/, beyond its registry line (its rules file ships in the image). */
const deployment: AgencyDeployment = {
  summary: "wages, eligibility and enrollments.",
};

export default deployment;
