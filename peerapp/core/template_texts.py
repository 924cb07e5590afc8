"""The shipped entry templates' texts, written for this app in English and Arabic (core/templates.py seeds them).

The Arabic speaks in the first person, which needs no grammatical gender; the English addresses the
writer. Both are kind and practical: a hint says what could go under a heading, never what must.
"""

from __future__ import annotations

from typing import NamedTuple


class ShippedText(NamedTuple):
    """One shipped template in one language; sections are (heading, hint)."""

    name: str
    title: str
    tags: list[str]
    emotions: list[str]
    sections: list[tuple[str, str]]


TEXTS: dict[str, dict[str, ShippedText]] = {
    "evening_reflection": {
        "en": ShippedText(
            "Evening reflection",
            "Evening reflection",
            ["evening"],
            [],
            [
                ("How today went", "A few lines are enough: what happened, and how it felt."),
                ("Something that went well", "However small: a kind word, a task done, a moment of rest."),
                ("Something that was hard", "What made it hard? It does not need solving tonight."),
                ("What I need tomorrow", "One thing that would make tomorrow a little easier."),
            ],
        ),
        "ar": ShippedText(
            "تأمّل المساء",
            "تأمّل المساء",
            ["مساء"],
            [],
            [
                ("كيف مضى يومي", "بضعة أسطر تكفي: ماذا حدث، وكيف شعرت به."),
                ("شيء جرى على ما يُرام", "مهما كان صغيرًا: كلمة طيبة، مهمّة أنجزتها، لحظة راحة."),
                ("شيء كان صعبًا", "ما الذي جعله صعبًا؟ لا حاجة إلى حلّه الليلة."),
                ("ما أحتاجه غدًا", "أمر واحد قد يجعل الغد أسهل قليلًا."),
            ],
        ),
    },
    "thought_record": {
        "en": ShippedText(
            "Thought record",
            "Thought record",
            ["thought record"],
            [],
            [
                ("Situation", "Where were you, who was there, what was happening?"),
                ("Thought", "What went through your mind? Write it down as it came."),
                ("Feeling", "What did you feel, and how strong was it, from 0 to 100?"),
                ("Evidence for the thought", "What makes this thought seem true?"),
                (
                    "Evidence against the thought",
                    "What does not fit it? What would you tell a friend who thought this?",
                ),
                ("A kinder thought", "A more balanced way to see it. How strong is the feeling now?"),
            ],
        ),
        "ar": ShippedText(
            "سجلّ الأفكار",
            "سجلّ الأفكار",
            ["سجل الأفكار"],
            [],
            [
                ("الموقف", "أين كنت، ومن كان هناك، وماذا كان يحدث؟"),
                ("الفكرة", "ما الذي خطر في بالي؟ أكتبها كما جاءت."),
                ("الشعور", "بماذا شعرت، وما شدّة الشعور من صفر إلى مئة؟"),
                ("ما يؤيّد الفكرة", "ما الذي يجعل هذه الفكرة تبدو صحيحة؟"),
                ("ما لا يؤيّدها", "ما الذي لا يتّفق معها؟ ماذا سأقول لصديق عزيز تراوده الفكرة نفسها؟"),
                ("فكرة ألطف", "نظرة أكثر توازنًا إلى ما حدث. ما شدّة الشعور الآن؟"),
            ],
        ),
    },
    "hard_conversation": {
        "en": ShippedText(
            "After a hard conversation",
            "After a hard conversation",
            ["conversation"],
            [],
            [
                ("What happened", "Who was it with, and what was said? Just the facts first."),
                ("How I feel now", "In your body and in your mind. All of it is allowed."),
                ("What I am glad I said or did", "Staying calm, setting a limit or walking away all count."),
                ("What still hurts", "What do you wish the other person had understood?"),
                ("What I need now", "Rest, a friend, a walk, time alone? Who could you talk to?"),
            ],
        ),
        "ar": ShippedText(
            "بعد محادثة صعبة",
            "بعد محادثة صعبة",
            ["محادثة"],
            [],
            [
                ("ما الذي حدث", "مع من كانت المحادثة، وماذا قيل؟ الوقائع أولًا."),
                ("كيف أشعر الآن", "في جسدي وفي ذهني. كل ما أشعر به مقبول."),
                ("ما يسرّني أنني قلته أو فعلته", "الحفاظ على الهدوء، أو وضع حدّ، أو الانسحاب: كلّها تُحسب."),
                ("ما زال يؤلمني", "ما الذي تمنّيت أن يفهمه الطرف الآخر؟"),
                ("ما أحتاجه الآن", "راحة، صديق، نزهة، وقت وحدي؟ مع من يمكنني الحديث؟"),
            ],
        ),
    },
}
