/**
 * Operator notices: what each operator must act on (a paid renewal to top up, an alert
 * when it was not) or may want (lapses, refunds, erasures, rejected items), one topic and
 * one webhook per operator.
 */
package io.keepline.contracts.notice;
