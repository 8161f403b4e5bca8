import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Role } from "../../../../kernel/auth/viewer";

/** Sign-in credentials of a citizen; officers' roles are granted here. */
@Entity()
export class Account {
  @PrimaryColumn({ type: "varchar", length: 10 })
  nationalId!: string;

  @Column({ type: "text" })
  passwordHash!: string;

  @Column({ type: "text", array: true })
  roles!: Role[];
}
