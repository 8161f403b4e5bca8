/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApplicationKind =
  | 'MEMBERS_UPDATE'
  | 'NEW_CARD'
  | 'REPLACEMENT_DAMAGED'
  | 'REPLACEMENT_LOST';

export type ApplicationStatus =
  | 'APPROVED'
  | 'CANCELLED'
  | 'DRAFT'
  | 'ISSUED'
  | 'NEEDS_CORRECTION'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'UNDER_REVIEW';

export type AttachDocumentInput = {
  applicationId: string | number;
  /** The file's bytes, base64. PDF, JPEG or PNG, checked by content, at most 5 MiB. */
  contentBase64: string;
  fileName: string;
  mimeType: string;
  type: DocumentType;
};

export type BenefitProgramCode =
  | 'CITIZEN_ACCOUNT'
  | 'FOOD_SUPPORT'
  | 'HOUSING_SUPPORT'
  | 'LUMP_SUM_AID'
  | 'SOCIAL_SECURITY';

export type CardStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'REPLACED';

export type DataAccessAction =
  | 'CHANGE'
  | 'READ';

export type DataAccessOutcome =
  | 'COMPLETED'
  | 'REFUSED';

export type DeliveryMethod =
  | 'OFFICE_PICKUP'
  | 'SAUDI_POST';

export type DocumentType =
  | 'BIRTH_CERTIFICATE'
  | 'DAMAGED_CARD_PHOTO'
  | 'FAMILY_REGISTER_COPY'
  | 'LOSS_REPORT'
  | 'MARRIAGE_CONTRACT'
  | 'NATIONAL_ID_COPY'
  | 'OTHER';

export type EnrollmentStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'WITHDRAWN';

export type FamilyRelation =
  | 'DAUGHTER'
  | 'HEAD'
  | 'SON'
  | 'SPOUSE';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type NationalAddressInput = {
  additionalNumber: string;
  buildingNumber: string;
  city: string;
  district: string;
  postalCode: string;
  shortAddress?: string | null | undefined;
  street: string;
};

export type NewCardApplicationInput = {
  childIds?: Array<string | number> | null | undefined;
  deliveryMethod?: DeliveryMethod | null | undefined;
  kind: ApplicationKind;
  /** Required true for REPLACEMENT_LOST. */
  lossDeclaration?: boolean | null | undefined;
  pickupOfficeId?: string | number | null | undefined;
  spouseIds?: Array<string | number> | null | undefined;
};

export type PickupStatus =
  | 'COLLECTED'
  | 'PREPARING'
  | 'READY_FOR_PICKUP';

export type RecordWageInput = {
  effectiveFrom: string;
  employer: string;
  /** The new monthly wage in halalas (0 when the employment ended). */
  monthlyHalalas: number;
  nationalId: string | number;
};

export type ShipmentStatus =
  | 'CREATED'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'PICKED_UP'
  | 'RETURNED_TO_OFFICE';

export type UpdateCardApplicationInput = {
  childIds?: Array<string | number> | null | undefined;
  deliveryMethod?: DeliveryMethod | null | undefined;
  /** Required true for REPLACEMENT_LOST. */
  lossDeclaration?: boolean | null | undefined;
  pickupOfficeId?: string | number | null | undefined;
  spouseIds?: Array<string | number> | null | undefined;
};

export type WageSource =
  | 'GOSI'
  | 'OFFICER';

export type ApplicationRecordFragment = { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null };

export type ApplicationDetailsFragment = { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null };

export type MyApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyApplicationsQuery = { me: { nationalId: string, birthDate: string, isSaudi: boolean, nationalAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, family: { registerNumber: string, members: Array<{ relation: FamilyRelation, citizen: { nationalId: string } }>, card: { cardNumber: string, status: CardStatus } | null } | null } | null, myCardApplications: Array<{ id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null }>, civilAffairsOffices: Array<{ id: string, nameAr: string, nameEn: string, city: string }> };

export type CreateApplicationMutationVariables = Exact<{
  input: NewCardApplicationInput;
}>;


export type CreateApplicationMutation = { createCardApplication: { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type UpdateApplicationMutationVariables = Exact<{
  id: string | number;
  input: UpdateCardApplicationInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateApplicationMutation = { updateCardApplication: { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type AttachDocumentMutationVariables = Exact<{
  input: AttachDocumentInput;
}>;


export type AttachDocumentMutation = { attachDocument: { id: string, type: DocumentType, fileName: string } };

export type SubmitApplicationMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitApplicationMutation = { submitCardApplication: { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type CancelApplicationMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelApplicationMutation = { cancelCardApplication: { id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, spouses: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type UpdateNationalAddressMutationVariables = Exact<{
  input: NationalAddressInput;
}>;


export type UpdateNationalAddressMutation = { updateNationalAddress: { nationalId: string, nationalAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null } };

export type DashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DashboardQuery = { applicationStats: { total: number, medianHoursToIssue: number | null, byStatus: Array<{ status: ApplicationStatus, count: number }>, byKind: Array<{ kind: ApplicationKind, count: number }>, submittedPerDay: Array<{ day: string, count: number }>, issuedPerDay: Array<{ day: string, count: number }> }, deliveryStats: { inTransit: number, delivered: number, delayed: number, medianHoursToDeliver: number | null, deliveredPerDay: Array<{ day: string, count: number }>, pickupsByOffice: Array<{ waiting: number, collected: number, office: { id: string, nameAr: string, nameEn: string, city: string } }> }, programStats: Array<{ eligibleFamilies: number, enrolledFamilies: number, pendingEnrollments: number, program: { code: BenefitProgramCode, nameAr: string, nameEn: string }, monthlyTotal: { halalas: number } }> };

export type AccessFragment = { at: string, accessorNationalId: string, accessorRoles: Array<string>, action: DataAccessAction, fields: Array<string>, refusedFields: Array<string>, outcome: DataAccessOutcome, operationName: string | null, purpose: string | null, requestId: string };

export type MyDataAccessesQueryVariables = Exact<{
  first: number;
}>;


export type MyDataAccessesQuery = { myDataAccesses: { civilAffairs: Array<{ at: string, accessorNationalId: string, accessorRoles: Array<string>, action: DataAccessAction, fields: Array<string>, refusedFields: Array<string>, outcome: DataAccessOutcome, operationName: string | null, purpose: string | null, requestId: string }>, labor: Array<{ at: string, accessorNationalId: string, accessorRoles: Array<string>, action: DataAccessAction, fields: Array<string>, refusedFields: Array<string>, outcome: DataAccessOutcome, operationName: string | null, purpose: string | null, requestId: string }>, delivery: Array<{ at: string, accessorNationalId: string, accessorRoles: Array<string>, action: DataAccessAction, fields: Array<string>, refusedFields: Array<string>, outcome: DataAccessOutcome, operationName: string | null, purpose: string | null, requestId: string }> } | null };

export type PersonFragment = { nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string };

export type AddressFragment = { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null };

export type OfficeFragment = { id: string, nameAr: string, nameEn: string, city: string };

export type ShipmentFactsFragment = { trackingNumber: string, carrier: string, isDelayed: boolean, estimatedDeliveryDate: string | null, deliveredAt: string | null, attempts: number, shipmentStatus: ShipmentStatus, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> };

export type MyFamilyQueryVariables = Exact<{ [key: string]: never; }>;


export type MyFamilyQuery = { myCardApplications: Array<{ id: string, kind: ApplicationKind, status: ApplicationStatus }>, me: { isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string, nationalAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, family: { registerNumber: string, memberCount: number, members: Array<{ relation: FamilyRelation, citizen: { nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string } }>, card: { cardNumber: string, status: CardStatus, version: number, issuedAt: string, delivery:
          | { __typename: 'OfficePickup', readyAt: string | null, collectedAt: string | null, pickupStatus: PickupStatus, office: { id: string, nameAr: string, nameEn: string, city: string }, returnedShipment: { trackingNumber: string, carrier: string, isDelayed: boolean, estimatedDeliveryDate: string | null, deliveredAt: string | null, attempts: number, shipmentStatus: ShipmentStatus, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> } | null }
          | { __typename: 'Shipment', trackingNumber: string, carrier: string, isDelayed: boolean, estimatedDeliveryDate: string | null, deliveredAt: string | null, attempts: number, shipmentStatus: ShipmentStatus, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> }
         | null } | null, householdIncome: { halalas: number } | null, eligibility: Array<{ eligible: boolean, reasons: Array<string>, evaluatedAt: string, program: { code: BenefitProgramCode, nameAr: string, nameEn: string, rulesVersion: string, illustrativeFigures: boolean }, monthlyAmount: { halalas: number } | null }>, enrollments: Array<{ id: string, status: EnrollmentStatus, appliedAt: string, decidedAt: string | null, program: { code: BenefitProgramCode, nameAr: string, nameEn: string } }> } | null } | null };

export type FamilyEnrollInProgramMutationVariables = Exact<{
  registerNumber: string | number;
  program: BenefitProgramCode;
}>;


export type FamilyEnrollInProgramMutation = { enrollInProgram: { id: string, status: EnrollmentStatus } };

export type PickupOfficesQueryVariables = Exact<{ [key: string]: never; }>;


export type PickupOfficesQuery = { civilAffairsOffices: Array<{ id: string, nameAr: string, nameEn: string, city: string }> };

export type PickupsAwaitingQueryVariables = Exact<{
  officeId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PickupsAwaitingQuery = { pickupsAwaitingCollection: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { cardNumber: string, status: PickupStatus, readyAt: string | null, waitingSince: string, waitingHours: number, office: { id: string, nameAr: string, nameEn: string, city: string } } }> } };

export type PickupMarkReadyMutationVariables = Exact<{
  cardNumber: string | number;
}>;


export type PickupMarkReadyMutation = { markReadyForPickup: { status: PickupStatus, readyAt: string | null, collectedAt: string | null } };

export type PickupMarkCollectedMutationVariables = Exact<{
  cardNumber: string | number;
}>;


export type PickupMarkCollectedMutation = { markCollected: { status: PickupStatus, readyAt: string | null, collectedAt: string | null } };

export type ReviewApplicantFragment = { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string };

export type CaseDetailsFragment = { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null };

export type ReviewQueueQueryVariables = Exact<{
  status?: ApplicationStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { cardApplications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: ApplicationKind, status: ApplicationStatus, viewerMayAct: boolean | null, submittedAt: string | null, createdAt: string, applicant: { nationalId: string, fullNameAr: string, fullNameEn: string | null }, documents: Array<{ id: string }> } }> } };

export type ReviewCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewCaseQuery = { cardApplication: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } | null };

export type ReviewDocumentContentQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewDocumentContentQuery = { documentContent: { id: string, fileName: string, mimeType: string, sizeBytes: number, contentBase64: string } | null };

export type ReviewStartMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type ReviewStartMutation = { startReview: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type ReviewRequestCorrectionMutationVariables = Exact<{
  id: string | number;
  notes: string;
  expectedVersion?: number | null | undefined;
}>;


export type ReviewRequestCorrectionMutation = { requestCorrection: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type ReviewApproveMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type ReviewApproveMutation = { approveCardApplication: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type ReviewRejectMutationVariables = Exact<{
  id: string | number;
  reason: string;
  expectedVersion?: number | null | undefined;
}>;


export type ReviewRejectMutation = { rejectCardApplication: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } };

export type ReviewIssueCardMutationVariables = Exact<{
  applicationId: string | number;
}>;


export type ReviewIssueCardMutation = { issueFamilyCard: { cardNumber: string, application: { viewerMayAct: boolean | null, id: string, kind: ApplicationKind, status: ApplicationStatus, version: number, requestedSpouseIds: Array<string>, requestedChildIds: Array<string>, missingDocuments: Array<DocumentType>, deliveryMethod: DeliveryMethod | null, rejectionReason: string | null, correctionNotes: string | null, createdAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }, spouses: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, children: Array<{ nationality: string, isSaudi: boolean, nationalId: string, fullNameAr: string, fullNameEn: string | null, gender: Gender, birthDate: string, birthDateHijri: string }>, documentRequirements: Array<{ type: DocumentType, personId: string | null }>, documents: Array<{ id: string, type: DocumentType, fileName: string, mimeType: string, sizeBytes: number, uploadedAt: string }>, pickupOffice: { id: string, nameAr: string, nameEn: string, city: string } | null, deliveryAddress: { buildingNumber: string, street: string, district: string, city: string, postalCode: string, additionalNumber: string, shortAddress: string | null } | null, fee: { halalas: number }, history: Array<{ from: ApplicationStatus | null, to: ApplicationStatus, at: string, by: string, note: string | null }>, card: { cardNumber: string } | null } } };

export type SignInMutationVariables = Exact<{
  nationalId: string | number;
  password: string;
}>;


export type SignInMutation = { login: { accessToken: string, expiresAt: string, roles: Array<string>, citizen: { nationalId: string, fullNameAr: string, fullNameEn: string | null } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { logout: boolean };

export type ShipmentsQueueItemFragment = { trackingNumber: string, status: ShipmentStatus, recipientName: string, attempts: number, isDelayed: boolean, estimatedDeliveryDate: string | null, createdAt: string, address: { city: string }, events: Array<{ status: ShipmentStatus, at: string }> };

export type ShipmentsCaseDetailsFragment = { carrier: string, deliveredAt: string | null, trackingNumber: string, status: ShipmentStatus, recipientName: string, attempts: number, isDelayed: boolean, estimatedDeliveryDate: string | null, createdAt: string, address: { city: string, buildingNumber: string, street: string, district: string, postalCode: string, additionalNumber: string, shortAddress: string | null }, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> };

export type ShipmentsAwaitingQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ShipmentsAwaitingQuery = { shipmentsAwaitingEvent: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { trackingNumber: string, status: ShipmentStatus, recipientName: string, attempts: number, isDelayed: boolean, estimatedDeliveryDate: string | null, createdAt: string, address: { city: string }, events: Array<{ status: ShipmentStatus, at: string }> } }> } };

export type ShipmentsCaseQueryVariables = Exact<{
  trackingNumber: string | number;
}>;


export type ShipmentsCaseQuery = { shipment: { carrier: string, deliveredAt: string | null, trackingNumber: string, status: ShipmentStatus, recipientName: string, attempts: number, isDelayed: boolean, estimatedDeliveryDate: string | null, createdAt: string, address: { city: string, buildingNumber: string, street: string, district: string, postalCode: string, additionalNumber: string, shortAddress: string | null }, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> } | null };

export type ShipmentsRecordEventMutationVariables = Exact<{
  trackingNumber: string | number;
  status: ShipmentStatus;
  location?: string | null | undefined;
  at?: string | null | undefined;
}>;


export type ShipmentsRecordEventMutation = { recordTrackingEvent: { carrier: string, deliveredAt: string | null, trackingNumber: string, status: ShipmentStatus, recipientName: string, attempts: number, isDelayed: boolean, estimatedDeliveryDate: string | null, createdAt: string, address: { city: string, buildingNumber: string, street: string, district: string, postalCode: string, additionalNumber: string, shortAddress: string | null }, events: Array<{ status: ShipmentStatus, at: string, location: string | null, description: string | null }> } };

export type SupportProgramFragment = { code: BenefitProgramCode, nameAr: string, nameEn: string };

export type SupportEligibilityFragment = { eligible: boolean, reasons: Array<string>, evaluatedAt: string, program: { rulesVersion: string, illustrativeFigures: boolean, code: BenefitProgramCode, nameAr: string, nameEn: string }, monthlyAmount: { halalas: number } | null };

export type SupportEnrollmentFragment = { id: string, status: EnrollmentStatus, appliedAt: string, program: { code: BenefitProgramCode, nameAr: string, nameEn: string } };

export type SupportFamilyDetailsFragment = { registerNumber: string, memberCount: number, members: Array<{ relation: FamilyRelation, citizen: { nationalId: string, fullNameAr: string, fullNameEn: string | null, birthDate: string, nationality: string } }>, householdIncome: { halalas: number } | null, wages: Array<{ nationalId: string, employer: string | null, effectiveFrom: string | null, source: WageSource | null, monthlyAmount: { halalas: number } }>, eligibility: Array<{ eligible: boolean, reasons: Array<string>, evaluatedAt: string, program: { rulesVersion: string, illustrativeFigures: boolean, code: BenefitProgramCode, nameAr: string, nameEn: string }, monthlyAmount: { halalas: number } | null }>, enrollments: Array<{ decidedAt: string | null, id: string, status: EnrollmentStatus, appliedAt: string, program: { code: BenefitProgramCode, nameAr: string, nameEn: string } }> };

export type SupportPendingEnrollmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SupportPendingEnrollmentsQuery = { pendingEnrollments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: EnrollmentStatus, appliedAt: string, family: { registerNumber: string, eligibility: Array<{ eligible: boolean, reasons: Array<string>, evaluatedAt: string, program: { rulesVersion: string, illustrativeFigures: boolean, code: BenefitProgramCode, nameAr: string, nameEn: string }, monthlyAmount: { halalas: number } | null }> }, program: { code: BenefitProgramCode, nameAr: string, nameEn: string } } }> } };

export type SupportFamiliesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SupportFamiliesQuery = { familiesToReview: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { registerNumber: string, memberCount: number, householdIncome: { halalas: number } | null } }> } };

export type SupportFamilyQueryVariables = Exact<{
  registerNumbers: Array<string | number> | string | number;
}>;


export type SupportFamilyQuery = { familiesForReview: Array<{ registerNumber: string, memberCount: number, members: Array<{ relation: FamilyRelation, citizen: { nationalId: string, fullNameAr: string, fullNameEn: string | null, birthDate: string, nationality: string } }>, householdIncome: { halalas: number } | null, wages: Array<{ nationalId: string, employer: string | null, effectiveFrom: string | null, source: WageSource | null, monthlyAmount: { halalas: number } }>, eligibility: Array<{ eligible: boolean, reasons: Array<string>, evaluatedAt: string, program: { rulesVersion: string, illustrativeFigures: boolean, code: BenefitProgramCode, nameAr: string, nameEn: string }, monthlyAmount: { halalas: number } | null }>, enrollments: Array<{ decidedAt: string | null, id: string, status: EnrollmentStatus, appliedAt: string, program: { code: BenefitProgramCode, nameAr: string, nameEn: string } }> } | null> };

export type SupportDecideEnrollmentMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
}>;


export type SupportDecideEnrollmentMutation = { decideEnrollment: { id: string, status: EnrollmentStatus, decidedAt: string | null } };

export type SupportRecordWageMutationVariables = Exact<{
  input: RecordWageInput;
}>;


export type SupportRecordWageMutation = { recordWage: { nationalId: string, employer: string, source: WageSource, effectiveFrom: string, monthlyAmount: { halalas: number } } };

export type QueuePageFragment = { hasNextPage: boolean, endCursor: string | null };

export const OfficeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Office"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CivilAffairsOffice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<OfficeFragment, unknown>;
export const AddressFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Address"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NationalAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"additionalNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shortAddress"}}]}}]} as unknown as DocumentNode<AddressFragment, unknown>;
export const ApplicationRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedSpouseIds"}},{"kind":"Field","name":{"kind":"Name","value":"requestedChildIds"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMethod"}},{"kind":"Field","name":{"kind":"Name","value":"pickupOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Office"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNotes"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Office"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CivilAffairsOffice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Address"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NationalAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"additionalNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shortAddress"}}]}}]} as unknown as DocumentNode<ApplicationRecordFragment, unknown>;
export const PersonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Person"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameAr"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameEn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthDateHijri"}}]}}]} as unknown as DocumentNode<PersonFragment, unknown>;
export const ApplicationDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplicationRecord"}},{"kind":"Field","name":{"kind":"Name","value":"spouses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Person"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Person"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Office"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CivilAffairsOffice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Address"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NationalAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"additionalNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shortAddress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedSpouseIds"}},{"kind":"Field","name":{"kind":"Name","value":"requestedChildIds"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMethod"}},{"kind":"Field","name":{"kind":"Name","value":"pickupOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Office"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNotes"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Person"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameAr"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameEn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthDateHijri"}}]}}]} as unknown as DocumentNode<ApplicationDetailsFragment, unknown>;
export const AccessFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Access"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"accessorNationalId"}},{"kind":"Field","name":{"kind":"Name","value":"accessorRoles"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"refusedFields"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}}]} as unknown as DocumentNode<AccessFragment, unknown>;
export const ShipmentFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","alias":{"kind":"Name","value":"shipmentStatus"},"name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isDelayed"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDeliveryDate"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<ShipmentFactsFragment, unknown>;
export const ReviewApplicantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewApplicant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Person"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"isSaudi"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Person"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameAr"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameEn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthDateHijri"}}]}}]} as unknown as DocumentNode<ReviewApplicantFragment, unknown>;
export const CaseDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplicationRecord"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayAct"}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewApplicant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spouses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewApplicant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewApplicant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentRequirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"personId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Office"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CivilAffairsOffice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Address"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NationalAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"additionalNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shortAddress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Person"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameAr"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameEn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthDateHijri"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplicationRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedSpouseIds"}},{"kind":"Field","name":{"kind":"Name","value":"requestedChildIds"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMethod"}},{"kind":"Field","name":{"kind":"Name","value":"pickupOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Office"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNotes"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewApplicant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citizen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Person"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"isSaudi"}}]}}]} as unknown as DocumentNode<CaseDetailsFragment, unknown>;
export const ShipmentsQueueItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentsQueueItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"isDelayed"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDeliveryDate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ShipmentsQueueItemFragment, unknown>;
export const ShipmentsCaseDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentsCaseDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShipmentsQueueItem"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentsQueueItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"isDelayed"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDeliveryDate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Address"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NationalAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"additionalNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shortAddress"}}]}}]} as unknown as DocumentNode<ShipmentsCaseDetailsFragment, unknown>;
export const SupportProgramFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]} as unknown as DocumentNode<SupportProgramFragment, unknown>;
export const SupportEligibilityFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportEligibility"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EligibilityDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportProgram"}},{"kind":"Field","name":{"kind":"Name","value":"rulesVersion"}},{"kind":"Field","name":{"kind":"Name","value":"illustrativeFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]} as unknown as DocumentNode<SupportEligibilityFragment, unknown>;
export const SupportEnrollmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportEnrollment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitEnrollment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportProgram"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]} as unknown as DocumentNode<SupportEnrollmentFragment, unknown>;
export const SupportFamilyDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportFamilyDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Family"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"citizen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameAr"}},{"kind":"Field","name":{"kind":"Name","value":"fullNameEn"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"householdIncome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportEligibility"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportEligibility"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EligibilityDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportProgram"}},{"kind":"Field","name":{"kind":"Name","value":"rulesVersion"}},{"kind":"Field","name":{"kind":"Name","value":"illustrativeFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"halalas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportEnrollment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitEnrollment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportProgram"}}]}}]}}]} as unknown as DocumentNode<SupportFamilyDetailsFragment, unknown>;
export const QueuePageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QueuePage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QueuePageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<QueuePageFragment, unknown>;
export const MyApplicationsDocument = {"__meta__":{"hash":"sha256:a1ac9f5bac1ec3d910fd85e5240d09750606a170d8695c5a5783d8a7b68583de"}} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const CreateApplicationDocument = {"__meta__":{"hash":"sha256:72eef49f8d26263354a5fa9aabc34a5f39e74b2d760a9e912ae6401977c8202b"}} as unknown as DocumentNode<CreateApplicationMutation, CreateApplicationMutationVariables>;
export const UpdateApplicationDocument = {"__meta__":{"hash":"sha256:79ef3f7fc7bc9a490fbbc4fdd8035c7643f70ad0678c55d3f5846f8ccee56c33"}} as unknown as DocumentNode<UpdateApplicationMutation, UpdateApplicationMutationVariables>;
export const AttachDocumentDocument = {"__meta__":{"hash":"sha256:c73b3d9162a2309e99fa664645d5dbb1cef0559981c924f64edef92584ec5dd5"}} as unknown as DocumentNode<AttachDocumentMutation, AttachDocumentMutationVariables>;
export const SubmitApplicationDocument = {"__meta__":{"hash":"sha256:03d4adfaa79ad665afd2aed626dcc2367d6efcfbb6c0ec4c3544dbb680d98855"}} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const CancelApplicationDocument = {"__meta__":{"hash":"sha256:ad21cda352c965b4faafb23a5a4a92ca588e5a777821fffea2ab463af1ce669e"}} as unknown as DocumentNode<CancelApplicationMutation, CancelApplicationMutationVariables>;
export const UpdateNationalAddressDocument = {"__meta__":{"hash":"sha256:f8aa506ea6b33a217df9cb98325aedeffb51fa8c2b87f849c5f516f827a589fb"}} as unknown as DocumentNode<UpdateNationalAddressMutation, UpdateNationalAddressMutationVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:ca796410d04c801cd47e9f44888923e5dae37351800f862509e0fd6f9e4d068f"}} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const MyDataAccessesDocument = {"__meta__":{"hash":"sha256:d64ba6b853a501a60c659af129e1c50377b12263a0dc35c21a5e98e43d1c6a58"}} as unknown as DocumentNode<MyDataAccessesQuery, MyDataAccessesQueryVariables>;
export const MyFamilyDocument = {"__meta__":{"hash":"sha256:3f8434a9c5b9c4aff0560f8ddf93722454ffff0ca2f090ac58942f4a973057dc"}} as unknown as DocumentNode<MyFamilyQuery, MyFamilyQueryVariables>;
export const FamilyEnrollInProgramDocument = {"__meta__":{"hash":"sha256:36eb653976b3c6317381f75b80f0a16d8a33f9b470c6986bb995fe2340d98090"}} as unknown as DocumentNode<FamilyEnrollInProgramMutation, FamilyEnrollInProgramMutationVariables>;
export const PickupOfficesDocument = {"__meta__":{"hash":"sha256:04054f13fa89c06af5b3ddb4b7033cb83434ac4acd14e83af9edc969a463aa99"}} as unknown as DocumentNode<PickupOfficesQuery, PickupOfficesQueryVariables>;
export const PickupsAwaitingDocument = {"__meta__":{"hash":"sha256:75b9c73a3164c4c4c8599d577ef9754a834da1cd5b556e4fd4626c93aa4d0159"}} as unknown as DocumentNode<PickupsAwaitingQuery, PickupsAwaitingQueryVariables>;
export const PickupMarkReadyDocument = {"__meta__":{"hash":"sha256:2ed305f342a8b4031e397ca3f55489b53a3d8e38cf2dceaf18bdaa0847bfcf52"}} as unknown as DocumentNode<PickupMarkReadyMutation, PickupMarkReadyMutationVariables>;
export const PickupMarkCollectedDocument = {"__meta__":{"hash":"sha256:e39a71a77129559cf51ebaacb8f8b48f2adcfddbe098c205496b1c8f30c8efbb"}} as unknown as DocumentNode<PickupMarkCollectedMutation, PickupMarkCollectedMutationVariables>;
export const ReviewQueueDocument = {"__meta__":{"hash":"sha256:b2557e29ebca5a917a084372acec2c0b7d40093306291732c414d662b235e3cd"}} as unknown as DocumentNode<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewCaseDocument = {"__meta__":{"hash":"sha256:eb44648e283d622e215c46609ddd579d1c5cc86927cff316809a4e0146011896"}} as unknown as DocumentNode<ReviewCaseQuery, ReviewCaseQueryVariables>;
export const ReviewDocumentContentDocument = {"__meta__":{"hash":"sha256:71347f18fb016c8a756c01bc749e673d4b5cbcdf1047c88c39d755699a0fee59"}} as unknown as DocumentNode<ReviewDocumentContentQuery, ReviewDocumentContentQueryVariables>;
export const ReviewStartDocument = {"__meta__":{"hash":"sha256:72f6612d089013b0136566bb3ffa6e32f81f8852b6dae14d0e5cf738b54a8c95"}} as unknown as DocumentNode<ReviewStartMutation, ReviewStartMutationVariables>;
export const ReviewRequestCorrectionDocument = {"__meta__":{"hash":"sha256:7446db1ce60ea5391f0f96e47f250dec4a7af41a35456a0d41f5aba6085537c2"}} as unknown as DocumentNode<ReviewRequestCorrectionMutation, ReviewRequestCorrectionMutationVariables>;
export const ReviewApproveDocument = {"__meta__":{"hash":"sha256:a8a2f612d053160f9e4175b3e5c42bbbbe9ddd92415438c11c5676011122c11b"}} as unknown as DocumentNode<ReviewApproveMutation, ReviewApproveMutationVariables>;
export const ReviewRejectDocument = {"__meta__":{"hash":"sha256:0122578838425580ecc37a4797b8fbd9998e311d916dd81bd7ffa0b0b1e46557"}} as unknown as DocumentNode<ReviewRejectMutation, ReviewRejectMutationVariables>;
export const ReviewIssueCardDocument = {"__meta__":{"hash":"sha256:e1f4d26a26bc0a8113f4c59ef844b350ba5566f8a054d6d22b2d51b98d8d6bc5"}} as unknown as DocumentNode<ReviewIssueCardMutation, ReviewIssueCardMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:9ad2016367343f54eaf12d99f8169e3e49d83dcd95d4c4250f12fed3ddaf253e"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ShipmentsAwaitingDocument = {"__meta__":{"hash":"sha256:1f32264de6362c4f6b2a2a48dbbfec5d08306aa3c30161b75048472e302d567c"}} as unknown as DocumentNode<ShipmentsAwaitingQuery, ShipmentsAwaitingQueryVariables>;
export const ShipmentsCaseDocument = {"__meta__":{"hash":"sha256:a161c1467a67c1efbd115d9ef1827844657b06e73569e145bf08e64de17216e5"}} as unknown as DocumentNode<ShipmentsCaseQuery, ShipmentsCaseQueryVariables>;
export const ShipmentsRecordEventDocument = {"__meta__":{"hash":"sha256:b6a172d89ab987addfbc9d0af30615cecfd610c8c00157028b1249ba6cf20878"}} as unknown as DocumentNode<ShipmentsRecordEventMutation, ShipmentsRecordEventMutationVariables>;
export const SupportPendingEnrollmentsDocument = {"__meta__":{"hash":"sha256:79ead90416fc3f6934fe0061da0932bd197c389d9eea493dead517461c30064d"}} as unknown as DocumentNode<SupportPendingEnrollmentsQuery, SupportPendingEnrollmentsQueryVariables>;
export const SupportFamiliesDocument = {"__meta__":{"hash":"sha256:574e9fff9f650a7aa10075bdb28513197388c136abf0bcc90f5a8e3bdfe7babb"}} as unknown as DocumentNode<SupportFamiliesQuery, SupportFamiliesQueryVariables>;
export const SupportFamilyDocument = {"__meta__":{"hash":"sha256:e28b97e0bcfa263d01c0d243b6967199a07746301f99a36fc0ef4cc1f1c6d29b"}} as unknown as DocumentNode<SupportFamilyQuery, SupportFamilyQueryVariables>;
export const SupportDecideEnrollmentDocument = {"__meta__":{"hash":"sha256:7d6aa1930f71176203c2280bf81db9abca6e6db6c789badaf57445fc676b09d3"}} as unknown as DocumentNode<SupportDecideEnrollmentMutation, SupportDecideEnrollmentMutationVariables>;
export const SupportRecordWageDocument = {"__meta__":{"hash":"sha256:6ce35701bdc927200fbdc585319a2dba9af6c4470807dc5d495f3232ae31bfb2"}} as unknown as DocumentNode<SupportRecordWageMutation, SupportRecordWageMutationVariables>;