import { productionSecret, setting } from "../../../kernel/config";
import { eventSettings } from "../../../kernel/events/settings";

export const DEV_CARRIER_SECRET = "dev-only-carrier-secret";

export const deliverySettings = {
  ...eventSettings,
  DELIVERY_WORKING_DAYS: setting.int("Working days (Friday and Saturday not counted) from a card's issue to its estimated delivery", 5),
  CARRIER_WEBHOOK_SECRET: productionSecret(
    "Shared secret that signs the postal operator's tracking webhook (HMAC-SHA256); required in production",
    DEV_CARRIER_SECRET,
  ),
  CARRIER_WEBHOOK_PREVIOUS_SECRET: setting.optional("During a rotation, the webhook secret being retired: still accepted"),
};
