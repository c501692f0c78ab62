// A TypeScript consumer of the published description: it uses only dist/which50.d.ts, which
// `make types-ts` writes with openapi-typescript 7.13.0, and compiles with `tsc --noEmit --strict`
// (tsconfig.json beside it). If the types stop matching these uses, the build fails.
import type { components, operations, paths } from "../../dist/which50";

type Schemas = components["schemas"];
type JsonBody<R> = R extends { content: { "application/json": infer B } } ? B : never;

// paths: a route's method points at its operation.
type GetContact = paths["/contacts/{contactId}"]["get"];
type Contact = JsonBody<GetContact["responses"][200]>;

// operations: the parameters and bodies of several operations, by operationId.
type UpsertContact = operations["upsertContact"];
type UpsertQuery = NonNullable<UpsertContact["parameters"]["query"]>;
type UpsertBody = UpsertContact["requestBody"]["content"]["application/json"];
type CreateImportJob = operations["createImportJob"];
type ImportJob = JsonBody<CreateImportJob["responses"][200]>;
type StateParams = operations["listJourneyEmailContactsByState"]["parameters"]["path"];

const contactPath = "/contacts/{contactId}" satisfies keyof paths;

export function contactUrl(base: string, contactId: GetContact["parameters"]["path"]["contactId"]): string {
  return base + contactPath.replace("{contactId}", encodeURIComponent(contactId));
}

export const newContact: UpsertBody = {
  ListId: 1042,
  Values: { Email: "aoife.byrne@example.ie", FirstName: "Aoife", OptIn: true },
};

export const upsertQuery: UpsertQuery = { match: ["ReferanceAccountId", "Email"] };

// components: schemas, as a client reads a response.
export function describe(contact: Contact): string {
  const email = contact.Values?.["Email"];
  return `${contact.EncContactId ?? "(new)"} in list ${contact.ListId ?? "?"}: ${String(email)}`;
}

export function progress(job: ImportJob): string {
  const status: Schemas["ImportJob"]["CurrentStatus"] = job.CurrentStatus ?? "unknown";
  return `${status}: ${job.ProgressPercent ?? 0}%`;
}

// A closed input enum is a union of literals: a misspelt state does not compile.
export const opened: StateParams = { journeyId: 377, emailId: 9120, state: "Opened" };
const states: Schemas["EmailReportState"][] = ["Sent", "Delivered", "Opened", "Clicked"];
export const stateCount: number = states.length;

// @ts-expect-error "Seen" is not an EmailReportState.
export const misspelt: Schemas["EmailReportState"] = "Seen";
