"""Contract test: drive `hubcalls serve` with HubSpot's official Python client.

Run by ContractTests.swift with HUBCALLS_CONTRACT_HOST (http://127.0.0.1:PORT) and
HUBCALLS_CONTRACT_TOKEN set. Exits non-zero with a message on the first failure.
"""
import json
import os
import sys
import traceback
import urllib.request

import hubspot
from hubspot.crm.objects import calls as calls_api
from hubspot.crm.associations import v4 as assoc_v4

HOST = os.environ["HUBCALLS_CONTRACT_HOST"]
TOKEN = os.environ["HUBCALLS_CONTRACT_TOKEN"]
STEPS = []


def step(name):
    STEPS.append(name)
    print(f"-- {name}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    client = hubspot.Client.create(access_token=TOKEN, host=HOST)
    calls = client.crm.objects.calls

    step("read a contact to associate with")
    contacts = client.crm.objects.basic_api.get_page("contacts", limit=2)
    check(len(contacts.results) == 2, f"expected 2 seeded contacts, got {len(contacts.results)}")
    contact_id = contacts.results[0].id
    other_contact_id = contacts.results[1].id

    step("create a call with a contact association")
    created = calls.basic_api.create(
        calls_api.SimplePublicObjectInputForCreate(
            properties={
                "hs_timestamp": "2025-05-02T14:00:00.000Z",
                "hs_call_title": "Contract test call",
                "hs_call_direction": "OUTBOUND",
                "hs_call_status": "COMPLETED",
                "hs_call_duration": "3800",
            },
            associations=[
                calls_api.PublicAssociationsForObject(
                    to=calls_api.PublicObjectId(id=contact_id),
                    types=[calls_api.AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=194)],
                )
            ],
        )
    )
    check(created.id and created.id.isdigit(), f"created id should be a digit string, got {created.id!r}")
    check(created.properties.get("hs_call_title") == "Contract test call", f"title not echoed: {created.properties}")

    step("read it back with associations")
    fetched = calls.basic_api.get_by_id(created.id, properties=["hs_call_title", "hs_timestamp", "hs_call_status"], associations=["contacts"])
    check(fetched.properties["hs_call_title"] == "Contract test call", f"bad title {fetched.properties}")
    check(fetched.properties["hs_timestamp"] == "2025-05-02T14:00:00.000Z", f"bad timestamp {fetched.properties.get('hs_timestamp')}")
    check(fetched.associations is not None and "contacts" in fetched.associations, f"no contacts association: {fetched.associations}")
    linked = [a.id for a in fetched.associations["contacts"].results]
    check(contact_id in linked, f"contact {contact_id} not in {linked}")

    step("page through every call with get_page (no gaps, no repeats)")
    seen = []
    after = None
    pages = 0
    while True:
        page = calls.basic_api.get_page(limit=100, after=after, properties=["hs_call_title"])
        pages += 1
        seen.extend(r.id for r in page.results)
        if page.paging is None or page.paging.next is None:
            break
        after = page.paging.next.after
        check(pages < 100, "paging does not end")
    check(len(seen) >= 250, f"expected at least 250 calls, got {len(seen)}")
    check(len(seen) == len(set(seen)), "get_page returned a record twice")
    check(created.id in seen, "the created call is missing from the pages")

    step("get_all agrees with get_page")
    everything = client.crm.objects.get_all("calls")
    ids = [r.id for r in everything]
    check(sorted(ids) == sorted(seen), f"get_all returned {len(ids)} ids, get_page {len(seen)}")
    check(len(ids) == len(set(ids)), "get_all returned a record twice")

    step("update")
    updated = calls.basic_api.update(created.id, calls_api.SimplePublicObjectInput(properties={"hs_call_title": "Renamed by contract test", "hs_call_status": "NO_ANSWER"}))
    check(updated.properties["hs_call_title"] == "Renamed by contract test", f"update not applied: {updated.properties}")
    again = calls.basic_api.get_by_id(created.id, properties=["hs_call_status"])
    check(again.properties["hs_call_status"] == "NO_ANSWER", f"update not persisted: {again.properties}")

    step("search with filters and a sort")
    result = calls.search_api.do_search(
        calls_api.PublicObjectSearchRequest(
            filter_groups=[calls_api.FilterGroup(filters=[
                calls_api.Filter(property_name="hs_call_status", operator="EQ", value="NO_ANSWER"),
                calls_api.Filter(property_name="hs_timestamp", operator="GTE", value="1714521600000"),
            ])],
            sorts=[{"propertyName": "hs_timestamp", "direction": "DESCENDING"}],
            properties=["hs_call_title", "hs_timestamp", "hs_call_status"],
            limit=50,
        )
    )
    check(result.total >= 1, "search found nothing")
    check(all(r.properties["hs_call_status"] == "NO_ANSWER" for r in result.results), "search returned a non-matching status")
    stamps = [r.properties["hs_timestamp"] for r in result.results]
    check(stamps == sorted(stamps, reverse=True), f"results not sorted descending: {stamps[:5]}")
    check(created.id in [r.id for r in result.results] or result.total > 50, "the updated call is not found by search")

    step("search with a string sort and a text query")
    texts = calls.search_api.do_search(calls_api.PublicObjectSearchRequest(query="Renamed by contract", sorts=["-hs_timestamp"], limit=10))
    check(created.id in [r.id for r in texts.results], "query search misses the renamed call")

    step("batch create (201)")
    batch = calls.batch_api.create(calls_api.BatchInputSimplePublicObjectBatchInputForCreate(inputs=[
        calls_api.SimplePublicObjectBatchInputForCreate(properties={"hs_timestamp": "2025-05-03T10:00:00Z", "hs_call_title": f"Batch {i}"}, associations=[])
        for i in range(3)
    ]))
    batch_ids = [r.id for r in batch.results]
    check(len(batch_ids) == 3 and batch.status == "COMPLETE", f"batch create: {batch}")

    step("batch create with per-item errors (207)")
    partial = calls.batch_api.create(calls_api.BatchInputSimplePublicObjectBatchInputForCreate(inputs=[
        calls_api.SimplePublicObjectBatchInputForCreate(properties={"hs_timestamp": "2025-05-03T11:00:00Z", "hs_call_title": "Good"}, associations=[], object_write_trace_id="trace-good"),
        calls_api.SimplePublicObjectBatchInputForCreate(properties={"hs_call_title": "No timestamp"}, associations=[], object_write_trace_id="trace-bad"),
    ]))
    check(getattr(partial, "num_errors", 0) == 1, f"expected one error, got {partial}")
    check(len(partial.results) == 1, f"expected one created record, got {len(partial.results)}")
    check(partial.errors[0].category == "VALIDATION_ERROR", f"bad error category {partial.errors[0].category}")
    batch_ids.append(partial.results[0].id)

    step("batch read with a missing id (207)")
    read = calls.batch_api.read(calls_api.BatchReadInputSimplePublicObjectId(
        inputs=[calls_api.SimplePublicObjectId(id=i) for i in batch_ids + ["999999999999"]],
        properties=["hs_call_title"], properties_with_history=[],
    ))
    check(sorted(r.id for r in read.results) == sorted(batch_ids), f"batch read returned {[r.id for r in read.results]}")
    check(getattr(read, "num_errors", 0) >= 1 and read.errors[0].category == "OBJECT_NOT_FOUND", f"missing id not reported: {read}")

    step("batch update")
    upd = calls.batch_api.update(calls_api.BatchInputSimplePublicObjectBatchInput(inputs=[
        calls_api.SimplePublicObjectBatchInput(id=i, properties={"hs_call_title": f"Batch renamed {i}"}) for i in batch_ids
    ]))
    check(all(r.properties["hs_call_title"].startswith("Batch renamed") for r in upd.results) and len(upd.results) == len(batch_ids), f"batch update: {upd}")

    step("batch archive (204), then reads are 404")
    calls.batch_api.archive(calls_api.BatchInputSimplePublicObjectId(inputs=[calls_api.SimplePublicObjectId(id=i) for i in batch_ids]))
    try:
        calls.basic_api.get_by_id(batch_ids[0])
        raise AssertionError("an archived call can still be read")
    except calls_api.ApiException as error:
        check(error.status == 404, f"expected 404 for an archived call, got {error.status}")

    step("v4 associations: create default, create labelled, list, archive")
    v4 = client.crm.associations.v4
    default = v4.basic_api.create_default("calls", created.id, "contacts", other_contact_id)
    check(default.status == "COMPLETE" and default.results[0].association_spec.association_type_id == 194, f"default association: {default}")
    pair = v4.basic_api.create("calls", created.id, "contacts", other_contact_id, [assoc_v4.AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=194)])
    check(pair.from_object_id == created.id and pair.to_object_id == other_contact_id and pair.from_object_type_id == "0-48", f"labels pair: {pair}")
    listed = v4.basic_api.get_page("calls", created.id, "contacts")
    targets = {r.to_object_id: [t.type_id for t in r.association_types] for r in listed.results}
    check(other_contact_id in targets and 194 in targets[other_contact_id], f"v4 list: {targets}")
    check(contact_id in targets, f"create-time association missing from v4 list: {targets}")
    batch_read = v4.batch_api.get_page("calls", "contacts", assoc_v4.BatchInputPublicFetchAssociationsBatchRequest(inputs=[assoc_v4.PublicFetchAssociationsBatchRequest(id=created.id)]))
    check(len(batch_read.results) == 1 and len(batch_read.results[0].to) == 2, f"v4 batch read: {batch_read}")
    v4.basic_api.archive("calls", created.id, "contacts", other_contact_id)
    after_archive = v4.basic_api.get_page("calls", created.id, "contacts")
    check(other_contact_id not in [r.to_object_id for r in after_archive.results], "association still listed after archive")

    step("properties")
    props = client.crm.properties.core_api.get_all("calls")
    names = {p.name for p in props.results}
    for required in ("hs_timestamp", "hs_call_status", "hs_call_disposition", "hs_call_direction"):
        check(required in names, f"property {required} missing")
    status = client.crm.properties.core_api.get_by_name("calls", "hs_call_status")
    check("MISSED" in [o.value for o in status.options], "hs_call_status lacks MISSED")

    step("owners")
    owners = client.crm.owners.owners_api.get_page(limit=100)
    check(len(owners.results) >= 1, "no owners")
    first = owners.results[0]
    check(isinstance(first.id, str), f"owner id should be a string, got {type(first.id)}")
    one = client.crm.owners.owners_api.get_by_id(first.id)
    check(one.id == first.id and one.email == first.email, "owner by id differs")

    step("an unauthenticated request is rejected")
    anonymous = hubspot.Client.create(host=HOST)
    try:
        anonymous.crm.objects.calls.basic_api.get_page(limit=1)
        raise AssertionError("a request without a token succeeded")
    except calls_api.ApiException as error:
        check(error.status == 401, f"expected 401, got {error.status}")
        check("INVALID_AUTHENTICATION" in (error.body or ""), f"401 body lacks the category: {error.body}")
    wrong = hubspot.Client.create(access_token="not-the-token", host=HOST)
    try:
        wrong.crm.objects.calls.basic_api.get_page(limit=1)
        raise AssertionError("a request with a wrong token succeeded")
    except calls_api.ApiException as error:
        check(error.status == 401, f"expected 401 for a wrong token, got {error.status}")

    step("dispositions (raw HTTP: the legacy v1 endpoint has no SDK method)")
    request = urllib.request.Request(f"{HOST}/calling/v1/dispositions", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request) as response:
        outcomes = json.loads(response.read())
    check(isinstance(outcomes, list) and {"id": "f240bbac-87c9-4f6e-bf70-924b57d47db7", "label": "Connected"} in outcomes, f"dispositions: {outcomes[:3]}")

    from importlib.metadata import version
    print(f"contract OK: {len(STEPS)} steps against hubspot-api-client {version('hubspot-api-client')}", flush=True)


def rate_limits():
    """Against a server with a budget of 3 requests per 10 s: the client sees HubSpot's headers
    and, once the budget is spent, HubSpot's 429 body."""
    client = hubspot.Client.create(access_token=TOKEN, host=HOST)
    api = client.crm.objects.calls.basic_api

    step("rate-limit headers on a successful call")
    _, status, headers = api.get_page_with_http_info(limit=1)
    check(status == 200, f"status {status}")
    check(headers.get("X-HubSpot-RateLimit-Max") == "3", f"Max header: {headers.get('X-HubSpot-RateLimit-Max')}")
    check(headers.get("X-HubSpot-RateLimit-Remaining") == "2", f"Remaining header: {headers.get('X-HubSpot-RateLimit-Remaining')}")
    check(headers.get("X-HubSpot-RateLimit-Interval-Milliseconds") == "10000", "Interval header")

    step("429 with HubSpot's body once the budget is spent")
    api.get_page(limit=1)
    api.get_page(limit=1)
    try:
        api.get_page(limit=1)
        raise AssertionError("the fourth request within 10 s was not refused")
    except calls_api.ApiException as error:
        check(error.status == 429, f"expected 429, got {error.status}")
        body = json.loads(error.body)
        check(body.get("errorType") == "RATE_LIMIT", f"errorType: {body}")
        check(body.get("policyName") == "TEN_SECONDLY_ROLLING", f"policyName: {body}")
        check(body.get("message") == "You have reached your ten_secondly_rolling limit.", f"message: {body}")
        check(error.headers.get("X-HubSpot-Correlation-Id") == body.get("correlationId"), "correlation id header differs from the body")
    print(f"contract OK: {len(STEPS)} rate-limit steps", flush=True)


if __name__ == "__main__":
    try:
        if sys.argv[1:] == ["rate-limits"]:
            rate_limits()
        else:
            main()
    except Exception as error:  # noqa: BLE001 - report anything, then fail
        print(f"CONTRACT FAILURE in step '{STEPS[-1] if STEPS else 'setup'}': {error}", file=sys.stderr, flush=True)
        traceback.print_exc()
        sys.exit(1)
