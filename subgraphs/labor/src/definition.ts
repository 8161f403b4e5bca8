import type { SubgraphDefinition } from "../../../kernel/subgraph";
import { Programs1764000000000 } from "./migrations/1764000000000-Programs";
import { BenefitProgram } from "./programs/benefitProgram.entity";
import { BenefitProgramResolver } from "./programs/benefitProgram.resolver";
import { laborSettings } from "./settings";

export const labor: SubgraphDefinition<typeof laborSettings> = {
  name: "labor",
  defaultPort: 4002,
  settings: laborSettings,
  entities: [BenefitProgram],
  migrations: [Programs1764000000000],
  schema: { resolvers: [BenefitProgramResolver] },
};
