import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "civil_affairs_office" })
@ObjectType()
@Directive('@key(fields: "id")')
export class CivilAffairsOffice {
  @PrimaryColumn({ type: "varchar", length: 16 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "text" })
  @Field()
  nameAr!: string;

  @Column({ type: "text" })
  @Field()
  nameEn!: string;

  @Column({ type: "text" })
  @Field()
  city!: string;

  /** The city's name in Arabic, for matching an address typed in Arabic (registry/cities.ts); not in the API. */
  @Column({ type: "text", nullable: true })
  cityAr!: string | null;
}
