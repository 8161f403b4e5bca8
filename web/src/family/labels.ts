import { catalogue } from "../i18n/catalogue";
import { ENROLLMENT_STATUS_AR, PICKUP_STATUS_AR, SHIPMENT_STATUS_AR } from "../../../kernel/statusNames";
import type { CardStatus, EnrollmentStatus, FamilyRelation, PickupStatus, ShipmentStatus } from "../graphql/graphql";

/** The API's enums as a reader says them. */
export const relationLabels = catalogue(
  { HEAD: "ربّ الأسرة", SPOUSE: "زوجة", SON: "ابن", DAUGHTER: "ابنة" } satisfies Record<FamilyRelation, string>,
  { HEAD: "Head of family", SPOUSE: "Wife", SON: "Son", DAUGHTER: "Daughter" },
);

export const cardStatusLabels = catalogue(
  { ACTIVE: "سارية", REPLACED: "مستبدلة", CANCELLED: "ملغاة" } satisfies Record<CardStatus, string>,
  { ACTIVE: "Active", REPLACED: "Replaced", CANCELLED: "Cancelled" },
);

export const shipmentStatusLabels = catalogue(
  { ...SHIPMENT_STATUS_AR } satisfies Record<ShipmentStatus, string>,
  {
    CREATED: "Shipment created",
    PICKED_UP: "Picked up",
    IN_TRANSIT: "In transit",
    OUT_FOR_DELIVERY: "Out for delivery",
    DELIVERED: "Delivered",
    DELIVERY_FAILED: "Delivery failed",
    RETURNED_TO_OFFICE: "Returned to the office",
  },
);

export const pickupStatusLabels = catalogue(
  { ...PICKUP_STATUS_AR } satisfies Record<PickupStatus, string>,
  { PREPARING: "Being prepared", READY_FOR_PICKUP: "Ready for pickup", COLLECTED: "Collected" },
);

export const enrollmentStatusLabels = catalogue(
  { ...ENROLLMENT_STATUS_AR } satisfies Record<EnrollmentStatus, string>,
  { PENDING: "Pending", APPROVED: "Approved", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" },
);
