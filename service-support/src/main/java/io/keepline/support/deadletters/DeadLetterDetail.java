package io.keepline.support.deadletters;

/**
 * One dead letter with its record: key and value as they were read (UTF-8), for the admin
 * who must see what failed.
 *
 * @param deadLetter the dead letter as listed
 * @param key the record's key
 * @param value the record's value
 */
public record DeadLetterDetail(DeadLetter deadLetter, String key, String value) {

}
