/**
 * The GeoReport v2 answers as TypeBox schemas, for each route's `response` map: the OpenAPI
 * document shows them, and the presenters are typed by them. The standard defines the names (snake
 * case, `long`, `service_requests` …), so these stay here rather than in `common/contracts/`: the
 * console never reads them. Every answer is written by `sendAs` (`wire.ts`) as a finished string,
 * XML or JSON, which Fastify sends as is, so a schema here never re-serialises (or breaks) the XML.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { OPEN311_SERVICE_TYPES } from "../../../common/contracts/open311-settings.ts";
import { Nullable, StringEnum } from "../../../common/contracts/shared.ts";
import { DATATYPES } from "./service-attributes.ts";

/** `.{format}` of every endpoint. */
export const FormatParam = Type.String({ description: "`xml` (text/xml) or `json` (application/json)" });

/** `?jurisdiction_id=` of every endpoint. */
export const Jurisdiction = Type.Optional(
  Type.String({ description: "Region code (GB/T 2260): 21 (Liaoning), a city (2101) or a district" }),
);

/** W3C datetime in China time with its offset, e.g. `2025-03-03T09:00:00+08:00`. */
const W3cDateTime = Type.String({ description: "W3C datetime, China time (+08:00)" });

/** One error of the standard's list: `code` is the HTTP status (or a more specific number). */
export const Open311ErrorDto = Type.Object({ code: Type.Integer(), description: Type.String() });
/** `<errors>` / `[{ code, description }]`: the only shape of an Open311 error. */
export const Open311ErrorList = Type.Array(Open311ErrorDto);

/** `/discovery.{format}`. */
export const DiscoveryDto = Type.Object({
  changeset: Type.String(),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: StringEnum(["production", "test"] as const),
      formats: Type.Array(Type.String()),
    }),
  ),
});
export type Discovery = Static<typeof DiscoveryDto>;

/** An element of `/services.{format}`: a leaf category of the catalog. */
export const ServiceDto = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String({ description: "level 1 › level 2 › level 3" }),
  metadata: Type.Boolean({ description: "true when the service has attributes of its own" }),
  type: StringEnum(OPEN311_SERVICE_TYPES),
  keywords: Type.String(),
  group: Type.String(),
});
export type Service = Static<typeof ServiceDto>;
export const ServiceList = Type.Array(ServiceDto);

/** An attribute of a service definition, as the standard words it. */
export const ServiceAttributeDto = Type.Object({
  variable: Type.Boolean(),
  code: Type.String(),
  datatype: StringEnum(DATATYPES),
  required: Type.Boolean(),
  datatype_description: Nullable(Type.String()),
  order: Type.Integer(),
  description: Type.String(),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
});

/** `/services/{service_code}.{format}`. */
export const ServiceDefinitionDto = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(ServiceAttributeDto),
});
export type ServiceDefinition = Static<typeof ServiceDefinitionDto>;

/** A public history note (the `extensions=true` convention of Chicago, Boston, SF). */
export const PublicNoteDto = Type.Object({
  datetime: Type.String(),
  type: Type.String(),
  description: Type.String(),
});
export type PublicNote = Static<typeof PublicNoteDto>;

/** One `request` of `GET /requests` and `GET /requests/{id}`: public fields only. */
export const ServiceRequestDto = Type.Object({
  service_request_id: Type.String({ description: "the ticket number (工单号)" }),
  status: StringEnum(["open", "closed"] as const),
  status_notes: Nullable(Type.String()),
  service_name: Nullable(Type.String()),
  service_code: Nullable(Type.String()),
  description: Type.String(),
  agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()),
  requested_datetime: Nullable(W3cDateTime),
  updated_datetime: Nullable(W3cDateTime),
  expected_datetime: Nullable(W3cDateTime),
  address: Nullable(Type.String()),
  address_id: Type.Null(),
  zipcode: Type.Null(),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  media_url: Nullable(Type.String()),
  attributes: Type.Optional(
    Type.Array(
      Type.Object({ label: Type.String(), name: Type.String(), value: Type.String(), code: Type.String() }),
      { description: "with extensions=true" },
    ),
  ),
  notes: Type.Optional(Type.Array(PublicNoteDto, { description: "with extensions=true" })),
});
export type ServiceRequest = Static<typeof ServiceRequestDto>;
export const ServiceRequestList = Type.Array(ServiceRequestDto);

/** The answer of `POST /requests`: an id (realtime) or a token (batch), never both. */
export const SubmitAnswerDto = Type.Union([
  Type.Object({
    service_request_id: Type.String(),
    service_notice: Type.String(),
    account_id: Nullable(Type.String()),
  }),
  Type.Object({ token: Type.String(), service_notice: Type.String(), account_id: Nullable(Type.String()) }),
]);
export type SubmitAnswer = Static<typeof SubmitAnswerDto>;

/** `GET /tokens/{token}`: the request a token stands for. */
export const TokenAnswerDto = Type.Object({ service_request_id: Type.String(), token: Type.String() });
export type TokenAnswer = Static<typeof TokenAnswerDto>;

/**
 * A route's `response` map: `ok` for 200 and the standard's error list for the error statuses the
 * endpoint answers (400 bad parameter, 403 key, 404 unknown, 429 rate limit, 500).
 */
export function open311Responses<T extends TSchema>(ok: T) {
  return {
    200: ok,
    400: Open311ErrorList,
    403: Open311ErrorList,
    404: Open311ErrorList,
    429: Open311ErrorList,
    500: Open311ErrorList,
  };
}
