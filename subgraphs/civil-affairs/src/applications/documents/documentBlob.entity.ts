import { Column, Entity, PrimaryColumn } from "typeorm";

/** Document content, stored once per SHA-256 however often it is attached; null when it is in a file (documentStore.ts). */
@Entity()
export class DocumentBlob {
  @PrimaryColumn({ type: "char", length: 64 })
  sha256!: string;

  @Column({ type: "bytea", nullable: true })
  content!: Buffer | null;
}
