/**
 * The operators' prepaid plans as deployment configuration ({@code keepline.plans.file}):
 * each plan's price, the most a renewal may cost, how far a renewal moves the validity
 * date and what the operator allows after a lapse.
 */
package io.keepline.support.plans;
