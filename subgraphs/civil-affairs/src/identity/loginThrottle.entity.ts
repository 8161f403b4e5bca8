import { Column, Entity, PrimaryColumn } from "typeorm";

/** Failed sign-ins per national ID, whether or not the ID exists. */
@Entity()
export class LoginThrottle {
  @PrimaryColumn({ type: "varchar", length: 10 })
  nationalId!: string;

  @Column({ type: "int" })
  failures!: number;

  @Column({ type: "timestamptz" })
  windowStartedAt!: Date;

  @Column({ type: "timestamptz", nullable: true })
  lockedUntil!: Date | null;
}
