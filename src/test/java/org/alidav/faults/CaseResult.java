package org.alidav.faults;

import java.util.List;

/** What a case ended with: its writers' statuses and what is wrong with the end state (empty = passed). */
record CaseResult(List<Integer> statuses, List<String> violations) {
}
