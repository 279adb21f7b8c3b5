//! Why no lineup exists, in words: first the plain causes (locked players over the cap, too many
//! locked at a position, a position emptied by exclusions, a stack with no partners left), then,
//! for conflicts between rules, which single user rule makes a lineup possible when dropped.

use super::model::{self, Restriction};
use super::pool::Candidate;
use super::Rules;
use crate::dk::Position;
use crate::slate::Slate;

/// (position, fewest, most) in a lineup.
const LIMITS: [(Position, usize, usize); 5] = [
    (Position::QB, 1, 1),
    (Position::RB, 2, 3),
    (Position::WR, 3, 4),
    (Position::TE, 1, 2),
    (Position::DST, 1, 1),
];

fn name(slate: &Slate, id: i32) -> String {
    slate.player(id).map_or_else(
        || format!("player {id}"),
        |p| format!("{} ({})", p.name, p.team),
    )
}

/// The reasons, joined into one message.
pub fn why_no_lineup(slate: &Slate, pool: &[Candidate], rules: &Rules) -> String {
    let reasons = plain_causes(slate, pool, rules);
    if !reasons.is_empty() {
        return reasons.join("; ");
    }
    let conflicts = conflicting_rules(pool, rules);
    if conflicts.is_empty() {
        "No lineup satisfies these rules together, and dropping any single rule does not help; \
         loosen several at once."
            .into()
    } else {
        format!(
            "No lineup satisfies these rules together. A lineup exists without {}.",
            conflicts.join(", or without ")
        )
    }
}

fn plain_causes(slate: &Slate, pool: &[Candidate], rules: &Rules) -> Vec<String> {
    let mut reasons = Vec::new();
    let locked: Vec<&Candidate> = pool.iter().filter(|c| c.locked).collect();
    let locked_salary: u64 = locked.iter().map(|c| u64::from(c.salary)).sum();
    if locked_salary > u64::from(rules.cap()) {
        reasons.push(format!(
            "the locked players cost {locked_salary}, over the {} cap",
            rules.cap()
        ));
    }
    if locked.len() > 9 {
        reasons.push(format!(
            "{} players are locked; a lineup has 9",
            locked.len()
        ));
    }
    for (position, fewest, most) in LIMITS {
        let locked_here = locked.iter().filter(|c| c.position == position).count();
        if locked_here > most {
            reasons.push(format!(
                "{locked_here} {position}s are locked; a lineup has at most {most}"
            ));
        }
        let available = pool.iter().filter(|c| c.position == position).count();
        if available < fewest {
            reasons.push(if available == 0 {
                if rules.as_of.is_some() {
                    format!("no {position} is left after exclusions and games already started")
                } else {
                    format!("no {position} is left after exclusions and unplayable games")
                }
            } else {
                format!(
                    "only {available} {position} left after exclusions; a lineup needs {fewest}"
                )
            });
        }
    }
    let locked_ids: Vec<i32> = slate
        .players
        .iter()
        .filter(|p| p.locked)
        .map(|p| p.id)
        .collect();
    for id in rules.lock.iter().chain(&locked_ids) {
        if !pool.iter().any(|c| c.id == *id) {
            let why = match slate.player(*id) {
                Some(p) if p.excluded || rules.exclude.contains(id) => "also excluded",
                Some(p) if !p.has_usable_game() => "without a playable game",
                Some(_) => "not available",
                None => "not on this slate",
            };
            reasons.push(format!("locked {} is {why}", name(slate, *id)));
        }
    }
    if rules.qb_stack > 0 {
        let partners = |qb: &Candidate| {
            pool.iter()
                .filter(|c| c.team == qb.team && matches!(c.position, Position::WR | Position::TE))
                .count()
        };
        let qbs: Vec<&Candidate> = pool.iter().filter(|c| c.position == Position::QB).collect();
        let locked_qb = qbs.iter().find(|c| c.locked);
        match locked_qb {
            Some(qb) if partners(qb) < rules.qb_stack as usize => reasons.push(format!(
                "the QB stack needs {} WR/TE from {} with locked {}, and {} are left",
                rules.qb_stack,
                qb.team,
                name(slate, qb.id),
                partners(qb)
            )),
            None if !qbs.is_empty() && qbs.iter().all(|q| partners(q) < rules.qb_stack as usize) => {
                reasons.push(format!(
                    "the QB stack needs {} WR/TE from the QB's team, and no team has that many left",
                    rules.qb_stack
                ))
            }
            _ => {}
        }
    }
    reasons
}

/// The user rules whose removal alone makes a lineup possible, described.
fn conflicting_rules(pool: &[Candidate], rules: &Rules) -> Vec<String> {
    let mut variants: Vec<(String, Rules, Vec<Candidate>)> = Vec::new();
    let mut push = |label: String, change: &dyn Fn(&mut Rules)| {
        let mut relaxed = rules.clone();
        change(&mut relaxed);
        variants.push((label, relaxed, pool.to_vec()));
    };
    if rules.min_salary > 0 {
        push(
            format!("the minimum salary of {}", rules.min_salary),
            &|r| r.min_salary = 0,
        );
    }
    if let Some(max) = rules.max_per_team {
        push(format!("the limit of {max} players per team"), &|r| {
            r.max_per_team = None
        });
    }
    if rules.qb_stack > 0 {
        push(format!("the QB stack of {}", rules.qb_stack), &|r| {
            r.qb_stack = 0
        });
    }
    if rules.bring_back > 0 {
        push(format!("the bring-back of {}", rules.bring_back), &|r| {
            r.bring_back = 0
        });
    }
    if rules.no_opponent_vs_dst {
        push("'no offense against my DST'".into(), &|r| {
            r.no_opponent_vs_dst = false
        });
    }
    if pool.iter().any(|c| c.locked) {
        let unlocked: Vec<Candidate> = pool
            .iter()
            .cloned()
            .map(|mut c| {
                c.locked = false;
                c
            })
            .collect();
        variants.push(("the locked players".into(), rules.clone(), unlocked));
    }
    variants
        .into_iter()
        .filter(|(_, relaxed, candidates)| {
            matches!(
                model::solve(candidates, relaxed, &Restriction::default()),
                Ok(Some(_))
            )
        })
        .map(|(label, ..)| label)
        .collect()
}
