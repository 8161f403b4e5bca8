import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A migration of plain SQL that several subgraphs share, each under its own name (TypeORM keys
 * migrations by name, so every subgraph's copy is named for it: `<Subgraph><Change><timestamp>`).
 */
export function sqlMigration(name: string, up: string, down: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;
    async up(db: QueryRunner): Promise<void> {
      await db.query(up);
    }
    async down(db: QueryRunner): Promise<void> {
      await db.query(down);
    }
  };
}
