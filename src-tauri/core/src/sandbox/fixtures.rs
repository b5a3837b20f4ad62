//! Fake store data. Deterministic (a function of the index, never of the clock or randomness)
//! so tests and screenshots see the same items every run.

use serde_json::{json, Value};

/// Items in each Commerce list.
pub(crate) const COMMERCE_ITEMS: usize = 40;

/// Commerce resources served as lists with detail pages.
pub(crate) const COMMERCE_RESOURCES: &[&str] = &["services", "invoices", "orders", "domains"];

const STATUSES: &[&str] = &["Active", "Pending", "Suspended", "Cancelled"];

fn date(i: usize) -> String {
    // Days after 2026-01-01, spread over a year; plain arithmetic keeps it clock-free.
    let day = (i * 9) % 365;
    let months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut month, mut left) = (0, day);
    while left >= months[month] {
        left -= months[month];
        month += 1;
    }
    format!("2026-{:02}-{:02}", month + 1, left + 1)
}

/// Item `id` (1-based) of a Commerce resource, or `None` outside 1..=40 or for another resource.
pub(crate) fn commerce_item(resource: &str, id: usize) -> Option<Value> {
    if !(1..=COMMERCE_ITEMS).contains(&id) {
        return None;
    }
    let status = STATUSES[id % STATUSES.len()];
    let amount = format!("{}.{:02}", 5 + (id * 7) % 95, (id * 13) % 100);
    Some(match resource {
        "services" => json!({
            "id": id, "product": format!("Web Hosting Plan {}", (id % 4) + 1), "domain": format!("site{id}.example"),
            "status": status, "billing_cycle": "monthly", "amount": amount, "next_due_date": date(id),
        }),
        "invoices" => json!({
            "id": id, "number": format!("INV-{:05}", 1000 + id), "status": (["Unpaid", "Paid", "Paid"][id % 3]),
            "total": amount, "currency": "USD", "date": date(id), "due_date": date(id + 14),
        }),
        "orders" => json!({
            "id": id, "order_number": format!("{:010}", 4_200_000_000u64 + id as u64 * 7919), "status": status,
            "amount": amount, "payment_method": (["card", "paypal"][id % 2]), "date": date(id),
        }),
        "domains" => json!({
            "id": id, "domain": format!("example{id}.test"), "status": status, "registrar": "sandbox-registrar",
            "registration_date": date(id), "expiry_date": date(id + 300), "auto_renew": id % 2 != 1,
        }),
        _ => return None,
    })
}

/// The authenticated Commerce client.
pub(crate) fn commerce_me(token_name: &str) -> Value {
    json!({
        "id": 1042, "firstname": "Sam", "lastname": "Sandbox", "email": "sam@example.test",
        "company": "Sandbox Hosting Ltd", "country": "GB", "token_name": token_name,
    })
}

/// Pandabase's starter products of a store (created ones are appended by the handler).
pub(crate) fn pandabase_products(store: &str) -> Vec<Value> {
    (1..=3)
        .map(|i| {
            json!({
                "id": format!("prd_{store}_{i:03}"), "name": format!("Sample Product {i}"),
                "amount": 999 * i, "type": if i == 3 { "SUBSCRIPTION" } else { "ONE_TIME" }, "currency": "USD",
            })
        })
        .collect()
}

/// A Pixlpay list (`products`, `orders`, `customers`) of five items.
pub(crate) fn pixlpay_list(resource: &str) -> Vec<Value> {
    (1..=5)
        .map(|i| match resource {
            "products" => json!({ "id": i, "name": format!("Game Item {i}"), "price": format!("{}.99", i * 2), "variants": [] }),
            "orders" => json!({ "id": 7000 + i, "status": if i % 2 == 0 { "completed" } else { "pending" }, "total": format!("{}.00", i * 10) }),
            _ => json!({ "id": 300 + i, "username": format!("player{i}"), "email": format!("player{i}@example.test") }),
        })
        .collect()
}

/// A PacSpace balance derived from the customer id (a stable pseudo-number).
pub(crate) fn pacspace_balance(customer_id: &str) -> i64 {
    customer_id.bytes().fold(7i64, |acc, b| (acc * 31 + i64::from(b)) % 1_000_003) % 100_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_commerce_item_exists_once_with_its_own_id() {
        for r in COMMERCE_RESOURCES {
            for id in 1..=COMMERCE_ITEMS {
                let item = commerce_item(r, id).unwrap_or_else(|| panic!("{r} {id} missing"));
                assert_eq!(item["id"], id, "detail ids must match list ids");
            }
            assert!(commerce_item(r, 0).is_none() && commerce_item(r, COMMERCE_ITEMS + 1).is_none());
        }
        assert_eq!(date(0), "2026-01-01");
        assert_eq!(date(40), "2026-12-27"); // day 360
    }
}
