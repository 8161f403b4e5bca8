import { Column, Entity, PrimaryColumn } from "typeorm";

/** Document content, stored once per SHA-256 however often it is attached. */
@Entity()
export class DocumentBlob {
  @PrimaryColumn({ type: "char", length: 64 })
  sha256!: string;

  @Column({ type: "bytea" })
  content!: Buffer;
}
